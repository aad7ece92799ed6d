import { leadSummarySchema, type LeadSummary } from '@baton/api-contract';
import { testUuid } from './test-uuid';

let sequence = 0;

/** A realistic LeadSummary, checked against the contract so fixtures cannot drift from it. */
export function makeLeadSummary(overrides: Partial<LeadSummary> = {}): LeadSummary {
  sequence += 1;
  return leadSummarySchema.parse({
    id: testUuid(1000 + sequence),
    contact: {
      name: 'Ada Lovelace',
      email: 'ada@example.com',
      phone: '+44 20 7946 0018',
      company: 'Analytical Engines Ltd',
    },
    message: 'We would like a demo for our sales team of 40.',
    status: 'assigned',
    source: { id: testUuid(1), name: 'Website form', slug: 'website' },
    owner: { id: testUuid(2), name: 'Grace Hopper' },
    receivedAt: '2026-03-10T11:50:00.000Z',
    firstResponseAt: '2026-03-10T11:50:04.000Z',
    assignedAt: '2026-03-10T11:50:02.000Z',
    firstContactAt: null,
    slaDueAt: '2026-03-10T12:05:00.000Z',
    score: 72,
    qualificationClass: 'hot',
    spam: false,
    ...overrides,
  });
}
