import { z } from 'zod';
import {
  customFieldValueSchema,
  leadContactSchema,
  leadSourceContextSchema,
} from './lead-intake.schema';
import { qualificationCorrectionViewSchema } from './qualification-correction.schema';

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

export const leadListQuerySchema = z
  .object({
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
    limit: z.coerce.number().int().min(1).max(100).default(25),
    cursor: z.string().max(200).optional(),
  })
  .strict();
export type LeadListQuery = z.infer<typeof leadListQuerySchema>;

export const leadListSchema = z
  .object({ items: z.array(leadSummarySchema), nextCursor: z.string().nullable() })
  .meta({ id: 'LeadList' });
export type LeadList = z.infer<typeof leadListSchema>;
