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
  .object({ reason: z.string().trim().min(1).max(500) })
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

export type ContactedActionBody = z.infer<typeof contactedActionSchema>;
export type ReassignActionBody = z.infer<typeof reassignActionSchema>;
export type DisqualifyActionBody = z.infer<typeof disqualifyActionSchema>;
export type NoteActionBody = z.infer<typeof noteActionSchema>;
export type LeadActionResult = z.infer<typeof leadActionResultSchema>;
