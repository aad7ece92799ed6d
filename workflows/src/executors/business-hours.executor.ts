import { businessHoursBranch, businessHoursNode, nextOpening } from '@baton/flow';
import { activities } from '../handoff/handoff-activities';
import { defineExecutor, follow } from './node-executor';

export const businessHoursExecutor = defineExecutor({
  definition: businessHoursNode,
  async run(ctx, config) {
    const schedule = ctx.schedules[config.scheduleId];
    const now = ctx.now();
    // Shared with the simulator: a schedule that no longer exists counts as closed.
    const open = businessHoursBranch(schedule, now) === 'open';
    const opensAt = schedule && !open ? nextOpening(schedule, now) : null;
    const reason = !schedule
      ? 'The schedule no longer exists: treated as closed'
      : open
        ? `Open now (${schedule.timeZone})`
        : `Closed now (${schedule.timeZone})${opensAt ? `; opens ${opensAt.toISOString()}` : ''}`;
    await activities.recordEvent({
      leadId: ctx.state.leadId,
      stepId: ctx.stepId,
      type: 'routed',
      data: {
        nodeId: ctx.node.id,
        handle: open ? 'open' : 'closed',
        reason,
        opensAt: opensAt?.toISOString() ?? null,
      },
    });
    return follow(open ? 'open' : 'closed');
  },
});
