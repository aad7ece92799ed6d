import { z } from 'zod';
import {
  metricsFiltersSchema,
  metricsGroupBySchema,
  metricsGroupSchema,
  metricsScopeFields,
  metricsWindowFields,
  metricsWindowProblem,
  resolveMetricsWindow,
} from './metrics-window';
import { responseBucketKeys } from './response-buckets';

export const handoffMetricsQuerySchema = z
  .object({
    ...metricsWindowFields,
    ...metricsScopeFields,
    /** SLA for leads that have no sla_due_at (their flow set no deadline). */
    defaultSlaMinutes: z.coerce
      .number()
      .int()
      .min(1)
      .max(7 * 24 * 60)
      .default(15),
  })
  .strict()
  .superRefine((q, ctx) => {
    const problem = metricsWindowProblem(resolveMetricsWindow(q, new Date()));
    if (problem) ctx.addIssue({ code: 'custom', path: [problem.path], message: problem.message });
  });
export type HandoffMetricsQuery = z.infer<typeof handoffMetricsQuerySchema>;

const count = z.number().int().nonnegative();
/** A fraction 0..1; null when its denominator is 0. */
const rate = z.number().min(0).max(1).nullable();
const seconds = z.number().nullable();

/** Over the leads that have the end timestamp; percentiles are continuous (interpolated). */
export const durationStatsSchema = z
  .object({
    count,
    medianSeconds: seconds,
    p90Seconds: seconds,
    averageSeconds: seconds,
  })
  .meta({ id: 'DurationStats' });
export type DurationStats = z.infer<typeof durationStatsSchema>;

export const handoffMetricsRowSchema = z
  .object({
    /**
     * Leads received in the window, spam excluded (disqualified as spam, or qualified as spam):
     * so every figure below, SLA attainment and handoff completion too, leaves spam out.
     */
    leads: count,
    /** first_contact_at − received_at (first human contact). */
    speedToLead: durationStatsSchema,
    /** first_response_at − received_at (first message to the lead; an auto-reply counts). */
    firstResponse: durationStatsSchema,
    /** assigned_at − received_at. */
    timeToAssign: durationStatsSchema,
    /** acknowledged_at − received_at (first claim, or the owner's explicit acknowledge). */
    timeToAcknowledge: durationStatsSchema,
    handoff: z.object({
      /** Leads handed off (got an owner, ended unhandled, or an assign step found nobody); no spam. */
      routed: count,
      /** Routed leads with a first contact. */
      contacted: count,
      /** Routed leads contacted at or before their SLA deadline. */
      contactedWithinSla: count,
      /** contacted / routed. */
      completionRate: rate,
      /** contactedWithinSla / routed. */
      slaAttainment: rate,
    }),
    /** Routed leads by speed to lead; converted = status booked. */
    conversionByResponseTime: z.array(
      z.object({
        bucket: z.enum(responseBucketKeys),
        leads: count,
        converted: count,
        conversionRate: rate,
      }),
    ),
    revenueLeak: z.object({
      /** The `metrics.averageDealValue` setting (0 when unset). */
      averageDealValue: z.number().nonnegative(),
      /** The fastest bucket with any routed lead (rates are compared to it); null when none. */
      referenceBucket: z.enum(responseBucketKeys).nullable(),
      referenceConversionRate: rate,
      /** Received while the default schedule was open (or all, when there is none). */
      duringHours: z.object({ leads: count, amount: z.number().nonnegative() }),
      /** Received while the default schedule was closed: shown apart, not in duringHours. */
      afterHours: z.object({ leads: count, amount: z.number().nonnegative() }),
    }),
  })
  .meta({ id: 'HandoffMetricsRow' });
export type HandoffMetricsRow = z.infer<typeof handoffMetricsRowSchema>;

export const handoffMetricsSchema = z
  .object({
    window: z.object({ from: z.iso.datetime(), to: z.iso.datetime() }),
    groupBy: metricsGroupBySchema,
    filters: metricsFiltersSchema,
    defaultSlaMinutes: z.number().int().positive(),
    /** The default schedule that tells after-hours leads apart; null when none is set. */
    afterHoursSchedule: z
      .object({ id: z.uuid(), name: z.string(), timeZone: z.string() })
      .nullable(),
    total: handoffMetricsRowSchema,
    /** One row per group (empty for groupBy=none), by name. */
    groups: z.array(handoffMetricsRowSchema.extend({ group: metricsGroupSchema })),
  })
  .meta({ id: 'HandoffMetrics' });
export type HandoffMetrics = z.infer<typeof handoffMetricsSchema>;
