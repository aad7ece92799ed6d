import { z } from 'zod';

/** Leads received in [from, to) that are pinned to the version; either end may be left open. */
export const flowNodeStatsQuerySchema = z
  .object({
    from: z.iso.datetime({ offset: true }).optional(),
    to: z.iso.datetime({ offset: true }).optional(),
  })
  .strict()
  .refine((q) => !q.from || !q.to || Date.parse(q.from) < Date.parse(q.to), {
    message: 'from must be before to',
    path: ['from'],
  });
export type FlowNodeStatsQuery = z.infer<typeof flowNodeStatsQuerySchema>;

export const flowHandleStatSchema = z.object({
  handle: z.string(),
  count: z.number().int().nonnegative(),
  /** count / visits that left the node by a known handle (0 when none did). */
  share: z.number().min(0).max(1),
});

export const flowNodeStatSchema = z
  .object({
    nodeId: z.string(),
    type: z.string(),
    label: z.string().nullable(),
    /** Times a lead entered the node (a lead looping through it counts each time). */
    visits: z.number().int().nonnegative(),
    /** Distinct leads that entered it. */
    leads: z.number().int().nonnegative(),
    /** Visits that left by a known handle. */
    exited: z.number().int().nonnegative(),
    /**
     * Median seconds from the step's first recorded event to the lead's next step's first recorded
     * event (the trigger's "event" is the lead's received time). Visits with no next step yet
     * (still there, or the flow ended) are left out; null when there is none.
     */
    medianSeconds: z.number().nonnegative().nullable(),
    /** Visits the median is over. */
    timedVisits: z.number().int().nonnegative(),
    handles: z.array(flowHandleStatSchema),
    /**
     * Distinct leads that entered this node and afterwards leaked: at or after their first entry
     * they breached an SLA (a `breached` event: a wait for contact or an escalation round ran
     * out), or ended unhandled (escalation gave up, or an End with outcome `unhandled`), or
     * were closed with nobody (an End with outcome `other` while they have no owner and were
     * never contacted). Ends as `contacted` are handled, and `disqualified` or `spam` are
     * decisions, not leaks; a lead still in the flow has not leaked (yet).
     */
    leaked: z.number().int().nonnegative(),
    /** leaked / leads (0 when no lead entered). */
    leakShare: z.number().min(0).max(1),
  })
  .meta({ id: 'FlowNodeStat' });
export type FlowNodeStat = z.infer<typeof flowNodeStatSchema>;

export const flowVersionStatsSchema = z
  .object({
    flowId: z.uuid(),
    version: z.number().int().positive(),
    from: z.iso.datetime().nullable(),
    to: z.iso.datetime().nullable(),
    /** Leads pinned to this version and received in the window. */
    leads: z.number().int().nonnegative(),
    nodes: z.array(flowNodeStatSchema),
  })
  .meta({ id: 'FlowVersionStats' });
export type FlowVersionStats = z.infer<typeof flowVersionStatsSchema>;
