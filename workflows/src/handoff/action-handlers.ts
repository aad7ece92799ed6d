import { ApplicationFailure, patched, setHandler } from '@temporalio/workflow';
import {
  type ActionResult,
  claimUpdate,
  contactedUpdate,
  disqualifyUpdate,
  handoffStateQuery,
  noteSignal,
  reassignUpdate,
} from '../contract/handoff-messages.contract';
import { activities } from './handoff-activities';
import type { HandoffState } from './handoff-state';

const stepOf = (actionId: string) => `action:${actionId}`;

/** A claim is also an acknowledgement (histories before it: the claim alone). */
export const CLAIM_ACKNOWLEDGES_PATCH = 'claim-acknowledges';

/** What people can do to a running handoff. Authorisation happens in the API before this. */
export function installActionHandlers(state: HandoffState, now: () => Date): void {
  const result = (): ActionResult => ({
    ok: true,
    ownerId: state.ownerId,
    status: state.view().status,
  });
  const refuseWhenFinished = () => {
    if (state.status === 'finished') throw new Error('This lead is closed');
    if (state.stoppedAs) throw new Error(`This lead was ${state.stoppedAs}`);
  };

  setHandler(handoffStateQuery, () => state.view());

  setHandler(
    contactedUpdate,
    async (action) => {
      if (state.contactedAt) return result();
      const at = action.at ?? now().toISOString();
      await activities.markContacted({
        leadId: state.leadId,
        stepId: stepOf(action.actionId),
        userId: action.userId,
        at,
      });
      state.contactedAt = at;
      state.setOwner(state.ownerId ?? action.userId);
      return result();
    },
    { validator: (_action) => refuseWhenFinished() },
  );

  const acknowledge = async (userId: string, stepId: string, via: 'claim' | 'acknowledge') => {
    const ack = await activities.acknowledgeLead({
      leadId: state.leadId,
      stepId,
      userId,
      at: now().toISOString(),
      via,
    });
    state.acknowledgedAt = ack.acknowledgedAt;
    state.acknowledgedBy = userId;
  };

  setHandler(
    claimUpdate,
    async (action) => {
      const stepId = stepOf(action.actionId);
      // The owner claiming their own lead acknowledges it (only new code accepts that update).
      if (action.userId === state.ownerId) {
        await acknowledge(action.userId, stepId, 'acknowledge');
        return result();
      }
      const claim = await activities.claimLead({
        leadId: state.leadId,
        stepId,
        userId: action.userId,
      });
      if (!claim.ok) throw ApplicationFailure.nonRetryable(claim.reason, 'ClaimRefused');
      state.setOwner(action.userId);
      if (patched(CLAIM_ACKNOWLEDGES_PATCH)) await acknowledge(action.userId, stepId, 'claim');
      return result();
    },
    {
      // Cheap checks on what the workflow knows; the activity re-checks capacity in the database.
      validator: (action) => {
        refuseWhenFinished();
        if (state.contactedAt) throw new Error('This lead has already been contacted');
        if (state.ownerId === action.userId) {
          if (state.acknowledgedBy === action.userId) {
            throw new Error('You already acknowledged this lead');
          }
          return;
        }
        if (state.eligibleUserIds.length > 0 && !state.eligibleUserIds.includes(action.userId)) {
          throw new Error('You are not in the pool this lead was routed to');
        }
      },
    },
  );

  setHandler(
    reassignUpdate,
    async (action) => {
      const res = await activities.reassignLead({
        leadId: state.leadId,
        stepId: stepOf(action.actionId),
        byUserId: action.userId,
        toUserId: action.toUserId,
        excludeUserIds: [...state.heldBy],
        reason: action.reason,
        config: state.lastAssignConfig,
      });
      if (!res.ownerId)
        throw ApplicationFailure.nonRetryable(res.explanation, 'NobodyToReassignTo');
      state.setOwner(res.ownerId);
      return result();
    },
    { validator: (_action) => refuseWhenFinished() },
  );

  setHandler(
    disqualifyUpdate,
    async (action) => {
      await activities.disqualifyLead({
        leadId: state.leadId,
        stepId: stepOf(action.actionId),
        byUserId: action.userId,
        reason: action.reason,
        // Same activity, same step: replay-compatible with histories recorded before `spam`.
        ...(action.spam ? { spam: true } : {}),
      });
      state.stoppedAs = 'disqualified';
      state.outcome = 'disqualified';
      return result();
    },
    { validator: (_action) => refuseWhenFinished() },
  );

  setHandler(noteSignal, async (action) => {
    await activities.addNote({
      leadId: state.leadId,
      stepId: stepOf(action.actionId),
      byUserId: action.userId,
      text: action.text,
    });
  });
}
