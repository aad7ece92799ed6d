import { z } from 'zod';

// What GET /api/v1/events sends. Kept here until the API contract publishes it.
export const leadStreamEventNames = ['lead.created', 'lead.updated'] as const;
export type LeadStreamEventName = (typeof leadStreamEventNames)[number];

export const leadStreamEventSchema = z.object({ leadId: z.string().min(1) });

/** The lead an event is about, or undefined when the payload is not what we expect. */
export function parseLeadStreamEvent(data: unknown): string | undefined {
  if (typeof data !== 'string') return undefined;
  try {
    const parsed = leadStreamEventSchema.safeParse(JSON.parse(data));
    return parsed.success ? parsed.data.leadId : undefined;
  } catch {
    return undefined;
  }
}
