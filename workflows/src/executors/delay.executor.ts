import { sleep } from '@temporalio/workflow';
import { delayNode, delayUntil } from '@baton/flow';
import { activities } from '../handoff/handoff-activities';
import { defineExecutor, follow } from './node-executor';

export const delayExecutor = defineExecutor({
  definition: delayNode,
  async run(ctx, config) {
    const now = ctx.now();
    // Shared with the simulator: an open, missing or never-opening schedule does not hold the lead back.
    const until = delayUntil(config, ctx.schedules, now);
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
