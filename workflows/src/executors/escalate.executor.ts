import { escalateNode, slaDeadline } from '@baton/flow';
import { activities } from '../handoff/handoff-activities';
import { scheduleFor } from '../handoff/schedule-for';
import { waitUntilSettled } from '../handoff/wait-until-settled';
import { defineExecutor, follow } from './node-executor';

/**
 * Bounded escalation: each round alerts the manager and/or hands the lead to someone who has not
 * held it, then waits for contact. When the rounds are spent the lead is parked as unhandled,
 * with an alert: never silently dropped.
 */
export const escalateExecutor = defineExecutor({
  definition: escalateNode,
  failureHandles: ['next'],
  async run(ctx, config) {
    const { state } = ctx;
    const leadId = state.leadId;
    state.status = 'escalating';
    try {
      for (let round = 1; round <= config.maxRounds; round++) {
        if (state.settled) return follow('next');
        const stepId = `${ctx.stepId}:round-${round}`;
        state.escalationRound = round;
        // Claimed by its owner: nobody else is chased any more; the owner's round SLA still runs.
        // (Only claims under patch `claim-acknowledges` set this, so older histories replay as before.)
        const chaseOthers = !state.acknowledgedByOwner;
        if (chaseOthers)
          await activities.escalate({
            leadId,
            stepId,
            round,
            maxRounds: config.maxRounds,
            ownerId: state.ownerId,
            notifyManager: config.notifyManager,
          });
        if (chaseOthers && config.reassign && state.lastAssignConfig) {
          const result = await activities.assignLead({
            leadId,
            stepId,
            config: state.lastAssignConfig,
            excludeUserIds: [...state.heldBy],
            reason: 'escalation',
          });
          if (result.ownerId) {
            state.setOwner(result.ownerId);
            state.eligibleUserIds = result.eligibleUserIds;
          }
        }
        const dueAt = slaDeadline(
          config.roundSla,
          ctx.now(),
          scheduleFor(ctx, config.roundSla.scheduleId),
        );
        state.slaDueAt = dueAt.toISOString();
        await activities.startSla({ leadId, stepId, dueAt: state.slaDueAt });
        if (await waitUntilSettled(ctx, dueAt)) return follow('next');
        await activities.recordBreach({
          leadId,
          stepId,
          ownerId: state.ownerId,
          dueAt: state.slaDueAt,
        });
      }
      state.outcome = 'unhandled';
      await activities.finishLead({
        leadId,
        stepId: `${ctx.stepId}:unhandled`,
        outcome: 'unhandled',
      });
      return follow('next');
    } finally {
      state.status = 'running';
      state.escalationRound = null;
    }
  },
});
