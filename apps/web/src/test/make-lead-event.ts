import { leadEventViewSchema, type LeadEventView } from '@baton/api-contract';

let sequence = 0;

/** A timeline event as the API returns it, checked against the contract. */
export function makeLeadEvent(overrides: Partial<LeadEventView> = {}): LeadEventView {
  sequence += 1;
  return leadEventViewSchema.parse({
    id: `evt-${sequence}`,
    type: 'note',
    occurredAt: '2026-03-10T11:50:00.000Z',
    stepId: null,
    actor: { type: 'system', id: null, name: null },
    summary: 'Something happened',
    data: {},
    ...overrides,
  });
}
