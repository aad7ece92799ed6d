import { proxyActivities } from '@temporalio/workflow';
import type { HandoffActivities } from '../contract/handoff-activities.contract';
import type { LeadHandoffInput } from '../contract/handoff.contract';

const activities = proxyActivities<HandoffActivities>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '1 minute' },
});

/** The durable life of one lead, from arrival until a human has made contact. */
export async function leadHandoff(input: LeadHandoffInput): Promise<void> {
  const lead = await activities.loadLeadContext(input.leadId);
  await activities.recordEvent({
    leadId: lead.leadId,
    stepId: 'received#1',
    type: 'received',
    data: { receivedAt: lead.receivedAt },
  });
}
