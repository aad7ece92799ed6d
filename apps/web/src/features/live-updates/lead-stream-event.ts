import { leadStreamEventSchema } from '@baton/api-contract';

export { leadStreamEventNames, type LeadStreamEventName } from '@baton/api-contract';

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
