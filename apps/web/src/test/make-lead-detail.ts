import { leadDetailSchema, type LeadDetail } from '@baton/api-contract';
import { makeLeadEvent } from './make-lead-event';
import { makeLeadSummary } from './make-lead-summary';
import { testUuid } from './test-uuid';

/** A LeadDetail with a short, realistic timeline, checked against the contract. */
export function makeLeadDetail(overrides: Partial<LeadDetail> = {}): LeadDetail {
  const summary = makeLeadSummary();
  return leadDetailSchema.parse({
    ...summary,
    externalId: 'form-8812',
    customFields: { teamSize: 40, plan: 'Enterprise', newsletter: false },
    context: {
      form: 'Demo request',
      campaign: 'Spring launch',
      utm: { source: 'google', medium: 'cpc', campaign: 'spring-launch' },
      landingPage: 'https://example.com/pricing',
    },
    qualification: {
      score: 82,
      intent: 'demo',
      urgency: 'high',
      budget: 'confirmed',
      spam: false,
      summary: 'Sales leader asking for a demo for a 40-seat team.',
      reasons: ['Asked for a demo', 'Team size above 25'],
    },
    qualificationCorrection: null,
    workflowId: `lead-${summary.id}`,
    timeline: [
      makeLeadEvent({
        type: 'received',
        occurredAt: summary.receivedAt,
        actor: { type: 'source', id: summary.source.id, name: summary.source.name },
        summary: 'Lead received from Website form',
      }),
      makeLeadEvent({
        type: 'assigned',
        occurredAt: '2026-03-10T11:50:02.000Z',
        stepId: 'assign-1#1',
        summary: 'Assigned to Grace Hopper (round robin)',
        data: { ownerId: testUuid(2), skipped: [] },
      }),
    ],
    ...overrides,
  });
}
