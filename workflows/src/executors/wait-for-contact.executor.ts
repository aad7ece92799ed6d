import { patched } from '@temporalio/workflow';
import { reminderTimes, slaDeadline, waitForContactNode } from '@baton/flow';
import { activities } from '../handoff/handoff-activities';
import { scheduleFor } from '../handoff/schedule-for';
import { waitUntilSettled } from '../handoff/wait-until-settled';
import { defineExecutor, follow } from './node-executor';

/** `endOn: claim` ends the wait on an acknowledgement (a worker before it waited for contact). */
export const WAIT_ENDS_ON_CLAIM_PATCH = 'wait-ends-on-claim';

export const waitForContactExecutor = defineExecutor({
  definition: waitForContactNode,
  async run(ctx, config) {
    const { state } = ctx;
    // Only the owner's acknowledgement ends it: a claim by someone since reassigned away does not.
    const endsOnClaim = config.endOn === 'claim' && patched(WAIT_ENDS_ON_CLAIM_PATCH);
    const claimed = () => endsOnClaim && state.acknowledgedByOwner;
    if (state.settled || claimed()) return follow('contacted');
    const startedAt = ctx.now();
    const schedule = scheduleFor(ctx, config.sla.scheduleId);
    const dueAt = slaDeadline(config.sla, startedAt, schedule);
    state.status = 'waiting_for_contact';
    state.slaDueAt = dueAt.toISOString();
    await activities.startSla({ leadId: state.leadId, stepId: ctx.stepId, dueAt: state.slaDueAt });

    const reminders = reminderTimes(config.sla, config.reminders, startedAt, schedule);
    try {
      for (const [index, at] of reminders.entries()) {
        state.nextReminderAt = at.toISOString();
        if (await waitUntilSettled(ctx, at, claimed)) return follow('contacted');
        await activities.remindOwner({
          leadId: state.leadId,
          stepId: `${ctx.stepId}:reminder-${index + 1}`,
          ownerId: state.ownerId,
          minutesLeft: Math.max(0, Math.round((dueAt.getTime() - at.getTime()) / 60_000)),
        });
      }
      state.nextReminderAt = null;
      if (await waitUntilSettled(ctx, dueAt, claimed)) return follow('contacted');
      await activities.recordBreach({
        leadId: state.leadId,
        stepId: ctx.stepId,
        ownerId: state.ownerId,
        dueAt: state.slaDueAt,
      });
      return follow('breached');
    } finally {
      state.status = 'running';
      state.nextReminderAt = null;
    }
  },
});
