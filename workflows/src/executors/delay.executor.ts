import { sleep } from '@temporalio/workflow';
import { delayNode, nextOpening } from '@baton/flow';
import { activities } from '../handoff/handoff-activities';
import { defineExecutor, follow } from './node-executor';

export const delayExecutor = defineExecutor({
  definition: delayNode,
  async run(ctx, config) {
    const now = ctx.now();
    const schedule = config.untilScheduleOpen ? ctx.schedules[config.untilScheduleOpen] : undefined;
    // An open schedule (or one that no longer exists) does not hold the lead back.
    const until = config.untilScheduleOpen
      ? ((schedule && nextOpening(schedule, now)) ?? now)
      : new Date(now.getTime() + (config.minutes ?? 0) * 60_000);
    await activities.recordEvent({
      leadId: ctx.state.leadId,
      stepId: ctx.stepId,
      type: 'routed',
      data: {
        nodeId: ctx.node.id,
        handle: 'next',
        reason: `Waiting until ${until.toISOString()}`,
        until: until.toISOString(),
      },
    });
    const ms = until.getTime() - now.getTime();
    if (ms > 0) await sleep(ms);
    return follow('next');
  },
});
