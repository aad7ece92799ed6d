import { z } from 'zod';

/** Server-sent event names of GET /api/v1/events (the API sends lead.updated; created is reserved). */
export const leadStreamEventNames = ['lead.created', 'lead.updated'] as const;
export type LeadStreamEventName = (typeof leadStreamEventNames)[number];

/** The payload of a lead event: which lead changed. */
export const leadStreamEventSchema = z
  .object({ leadId: z.string().min(1) })
  .meta({ id: 'LeadStreamEvent' });
export type LeadStreamEvent = z.infer<typeof leadStreamEventSchema>;
