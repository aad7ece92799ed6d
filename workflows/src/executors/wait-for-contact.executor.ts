import { reminderTimes, slaDeadline, waitForContactNode } from '@baton/flow';
import { activities } from '../handoff/handoff-activities';
import { scheduleFor } from '../handoff/schedule-for';
import { waitUntilSettled } from '../handoff/wait-until-settled';
import { defineExecutor, follow } from './node-executor';

export const waitForContactExecutor = defineExecutor({
  definition: waitForContactNode,
  async run(ctx, config) {
    const { state } = ctx;
    if (state.settled) return follow('contacted');
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
        if (await waitUntilSettled(ctx, at)) return follow('contacted');
        await activities.remindOwner({
          leadId: state.leadId,
          stepId: `${ctx.stepId}:reminder-${index + 1}`,
          ownerId: state.ownerId,
          minutesLeft: Math.max(0, Math.round((dueAt.getTime() - at.getTime()) / 60_000)),
        });
      }
      state.nextReminderAt = null;
      if (await waitUntilSettled(ctx, dueAt)) return follow('contacted');
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
