import { allHandlersFinished, condition, continueAsNew, patched } from '@temporalio/workflow';
import type { LeadHandoffInput } from '../contract/handoff.contract';
import { installActionHandlers } from './action-handlers';
import { activities } from './handoff-activities';
import { HandoffState } from './handoff-state';
import { walkFlow } from './walk-flow';

/** How long a parked lead (unhandled, or no route) still accepts "contacted" or "disqualify". */
const PARKED_FOR = '30 days';

/** The durable life of one lead, from arrival until a human has made contact. */
export async function leadHandoff(input: LeadHandoffInput): Promise<void> {
  if (!patched('flow-engine-v1')) {
    // Histories recorded before the flow engine existed only recorded the arrival.
    const lead = await activities.loadLeadContext(input.leadId);
    await activities.recordEvent({
      leadId: lead.leadId,
      stepId: 'received#1',
      type: 'received',
      data: { receivedAt: lead.receivedAt },
    });
    return;
  }

  // Handlers first: a query or an action may arrive before the lead is loaded (e.g. right after
  // continue-as-new).
  const state = new HandoffState(input.leadId, { lead: {}, context: {}, qualification: {} });
  const now = () => new Date();
  installActionHandlers(state, now);
  if (input.resume) state.restore(input.resume);

  const start = await activities.loadHandoffStart(input.leadId);
  state.facts.lead = start.facts.lead;
  state.facts.context = start.facts.context;
  if (!input.resume) state.setOwner(start.ownerId);

  if (!input.resume) {
    await activities.recordEvent({
      leadId: state.leadId,
      stepId: 'received#1',
      type: 'received',
      data: { receivedAt: start.receivedAt },
    });
  }

  const walk = await walkFlow(state, start, {
    resumeAt: input.resume?.nodeId ?? null,
    now,
    historyLimit: input.historyLimit,
  });
  // A model still refining a score (decide_now) answers within its budget: keep its answer.
  await state.background.settled();
  if (walk.continueAt) {
    // Keep histories small: carry the state over to a fresh run once no action is mid-way.
    await condition(allHandlersFinished);
    await continueAsNew<typeof leadHandoff>({
      leadId: input.leadId,
      resume: state.snapshot(walk.continueAt),
    });
  }

  if (!state.settled) {
    // Nothing left to do automatically, but people can still act on the lead.
    state.status = 'parked';
    await condition(() => state.settled, PARKED_FOR);
  }
  await condition(allHandlersFinished);
  state.status = 'finished';
}
