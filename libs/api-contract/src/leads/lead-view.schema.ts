import { z } from 'zod';
import {
  customFieldValueSchema,
  leadContactSchema,
  leadSourceContextSchema,
} from './lead-intake.schema';
import {
  qualificationClassSchema,
  qualificationCorrectionViewSchema,
} from './qualification-correction.schema';

export const leadStatuses = [
  'new',
  'routed',
  'assigned',
  'contacted',
  'booked',
  'disqualified',
  'unhandled',
  'spam',
] as const;
export const leadStatusSchema = z.enum(leadStatuses);
export type LeadStatus = z.infer<typeof leadStatusSchema>;

export const leadEventTypes = [
  'received',
  'duplicate',
  'qualified',
  'routed',
  'assigned',
  'notified',
  'reminded',
  'breached',
  'escalated',
  'reassigned',
  'auto_replied',
  'claimed',
  'acknowledged',
  'contacted',
  'booked',
  'disqualified',
  'unhandled',
  'note',
  'qualification_corrected',
  'error',
] as const;
export const leadEventTypeSchema = z.enum(leadEventTypes);
export type LeadEventType = z.infer<typeof leadEventTypeSchema>;

export const personRefSchema = z.object({ id: z.uuid(), name: z.string() });

export const leadEventViewSchema = z
  .object({
    id: z.string(),
    type: leadEventTypeSchema,
    occurredAt: z.iso.datetime(),
    stepId: z.string().nullable(),
    actor: z.object({
      type: z.enum(['system', 'user', 'source']),
      id: z.string().nullable(),
      name: z.string().nullable(),
    }),
    summary: z.string(),
    data: z.record(z.string(), z.unknown()),
  })
  .meta({ id: 'LeadEvent' });
export type LeadEventView = z.infer<typeof leadEventViewSchema>;

export const leadSummarySchema = z
  .object({
    id: z.uuid(),
    contact: leadContactSchema,
    message: z.string().nullable(),
    status: leadStatusSchema,
    source: z.object({ id: z.uuid(), name: z.string(), slug: z.string() }),
    owner: personRefSchema.nullable(),
    receivedAt: z.iso.datetime(),
    firstResponseAt: z.iso.datetime().nullable(),
    assignedAt: z.iso.datetime().nullable(),
    firstContactAt: z.iso.datetime().nullable(),
    /** When the current SLA runs out; null until the flow starts one. */
    slaDueAt: z.iso.datetime().nullable(),
    /** The qualification score (0-100) and its class; null before qualification. */
    score: z.number().nullable(),
    qualificationClass: qualificationClassSchema.nullable(),
    /** Qualified as spam, or disqualified as spam by a person: set aside in the Spam view. */
    spam: z.boolean(),
  })
  .meta({ id: 'LeadSummary' });
export type LeadSummary = z.infer<typeof leadSummarySchema>;

export const leadDetailSchema = leadSummarySchema
  .extend({
    externalId: z.string().nullable(),
    customFields: z.record(z.string(), customFieldValueSchema),
    context: leadSourceContextSchema,
    qualification: z.record(z.string(), z.unknown()).nullable(),
    /** The latest correction of the qualification by a person, if any. */
    qualificationCorrection: qualificationCorrectionViewSchema.nullable(),
    workflowId: z.string(),
    timeline: z.array(leadEventViewSchema),
  })
  .meta({ id: 'LeadDetail' });
export type LeadDetail = z.infer<typeof leadDetailSchema>;

const flag = z.enum(['true', 'false']).transform((v) => v === 'true');

/**
 * The inbox's triage views. Every view but `spam` leaves spam out; `team` is the viewer's teams
 * (a rep's are the ones they are in, a manager's also the ones they manage).
 */
export const leadViews = [
  'all',
  'mine',
  'team',
  'unassigned',
  'breaching',
  'after_hours',
  'spam',
] as const;
export const leadViewSchema = z.enum(leadViews);
export type LeadView = z.infer<typeof leadViewSchema>;

export const leadSorts = ['received', 'score', 'sla_due'] as const;
export const leadSortSchema = z.enum(leadSorts);
export type LeadSort = z.infer<typeof leadSortSchema>;

/** How soon an SLA must run out for an open lead to count as breaching (default 15 min). */
export const BREACHING_WITHIN_DEFAULT_MINUTES = 15;

/** The filters a list and its view counts share. */
const leadFilterShape = {
  status: leadStatusSchema.optional(),
  q: z.string().trim().max(200).optional(),
  owner: z
    .union([z.literal('me'), z.uuid()])
    .optional()
    .describe('An owner id, or "me"'),
  teamId: z.uuid().optional(),
  sourceId: z.uuid().optional(),
  unassigned: flag.optional().describe('Only leads nobody owns'),
  breaching: flag.optional().describe('Only open leads past their SLA deadline'),
  breachingWithin: z.coerce
    .number()
    .int()
    .min(0)
    .max(1440)
    .default(BREACHING_WITHIN_DEFAULT_MINUTES)
    .describe('Minutes: the breaching view also holds open leads whose SLA runs out this soon'),
};

export const leadListQuerySchema = z
  .object({
    ...leadFilterShape,
    view: leadViewSchema
      .default('all')
      .describe(
        "all (spam left out), mine, team, unassigned, breaching (SLA passed or due within breachingWithin minutes, not contacted), after_hours (received outside the schedule that applies: the team's, else the default), spam",
      ),
    sort: leadSortSchema
      .default('received')
      .describe('received (newest first), score (highest first), sla_due (soonest first)'),
    limit: z.coerce.number().int().min(1).max(100).default(25),
    cursor: z.string().max(200).optional(),
  })
  .strict();
export type LeadListQuery = z.infer<typeof leadListQuerySchema>;

export const leadListSchema = z
  .object({
    items: z.array(leadSummarySchema),
    nextCursor: z.string().nullable(),
    /** How many leads the view and filters hold in all pages. */
    total: z.number().int().nonnegative(),
  })
  .meta({ id: 'LeadList' });
export type LeadList = z.infer<typeof leadListSchema>;

export const leadViewCountsQuerySchema = z.object(leadFilterShape).strict();
export type LeadViewCountsQuery = z.infer<typeof leadViewCountsQuerySchema>;

/** How many leads each view holds under the same filters. */
export const leadViewCountsSchema = z
  .object({ counts: z.record(leadViewSchema, z.number().int().nonnegative()) })
  .meta({ id: 'LeadViewCounts' });
export type LeadViewCounts = z.infer<typeof leadViewCountsSchema>;
