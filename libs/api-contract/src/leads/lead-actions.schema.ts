import { z } from 'zod';

export const contactedActionSchema = z
  .object({
    at: z.iso
      .datetime({ offset: true })
      .optional()
      .describe('When contact was made; now when omitted'),
  })
  .strict()
  .meta({ id: 'ContactedAction' });
export const reassignActionSchema = z
  .object({
    toUserId: z
      .uuid()
      .nullable()
      .describe('The new owner, or null for the next eligible person who has not held it'),
    reason: z.string().trim().min(1).max(500),
  })
  .strict()
  .meta({ id: 'ReassignAction' });
export const disqualifyActionSchema = z
  .object({
    reason: z.string().trim().min(1).max(500),
    spam: z.boolean().optional().describe('The lead is spam: set it aside in the Spam view'),
  })
  .strict()
  .meta({ id: 'DisqualifyAction' });
export const noteActionSchema = z
  .object({ text: z.string().trim().min(1).max(5000) })
  .strict()
  .meta({ id: 'NoteAction' });
export const emptyActionSchema = z.object({}).strict();

export const leadActionResultSchema = z
  .object({ ok: z.literal(true), ownerId: z.uuid().nullable(), status: z.string() })
  .meta({ id: 'LeadActionResult' });

/** Most leads one bulk request may act on. */
export const BULK_LEAD_LIMIT = 100;

const bulkLeadIds = z
  .array(z.uuid('each lead id must be a uuid'))
  .min(1, 'name at least one lead')
  .max(BULK_LEAD_LIMIT, `at most ${BULK_LEAD_LIMIT} leads at a time`)
  .refine((ids) => new Set(ids.map((id) => id.toLowerCase())).size === ids.length, {
    message: 'each lead may appear once',
  });

/** The body of `POST /api/v1/leads/bulk/assign`: each lead is reassigned to this person. */
export const bulkAssignSchema = z
  .object({
    leadIds: bulkLeadIds,
    toUserId: z.uuid().describe('The new owner of every lead'),
    reason: z.string().trim().min(1).max(500).default('Bulk assigned from the inbox'),
  })
  .strict()
  .meta({ id: 'BulkAssign' });

/** The body of `POST /api/v1/leads/bulk/disqualify`: each lead is disqualified as spam. */
export const bulkDisqualifySchema = z
  .object({
    leadIds: bulkLeadIds,
    reason: z.string().trim().min(1).max(500).default('Spam'),
  })
  .strict()
  .meta({ id: 'BulkDisqualify' });

/** One lead's outcome in a bulk action: the single action's answer, or its error. */
export const bulkLeadResultSchema = z.discriminatedUnion('ok', [
  z.object({
    leadId: z.uuid(),
    ok: z.literal(true),
    ownerId: z.uuid().nullable(),
    status: z.string(),
  }),
  z.object({
    leadId: z.uuid(),
    ok: z.literal(false),
    /** The HTTP status the single action would have answered (403, 404, 409, 503). */
    httpStatus: z.number().int(),
    message: z.string(),
  }),
]);
export const bulkActionResultSchema = z
  .object({ results: z.array(bulkLeadResultSchema) })
  .meta({ id: 'BulkActionResult' });

export type BulkAssignBody = z.infer<typeof bulkAssignSchema>;
export type BulkDisqualifyBody = z.infer<typeof bulkDisqualifySchema>;
export type BulkLeadResult = z.infer<typeof bulkLeadResultSchema>;
export type BulkActionResult = z.infer<typeof bulkActionResultSchema>;
export type ContactedActionBody = z.infer<typeof contactedActionSchema>;
export type ReassignActionBody = z.infer<typeof reassignActionSchema>;
export type DisqualifyActionBody = z.infer<typeof disqualifyActionSchema>;
export type NoteActionBody = z.infer<typeof noteActionSchema>;
export type LeadActionResult = z.infer<typeof leadActionResultSchema>;
