import { customNode } from '@baton/flow';
import { boundedActivities } from '../handoff/handoff-activities';
import { defineExecutor, follow } from './node-executor';

export const customExecutor = defineExecutor({
  definition: customNode,
  // A missing activity, a version mismatch or a failure for good: the walk writes the error
  // and takes `failed` (see walkFlow).
  failureHandles: ['failed'],
  async run(ctx, config) {
    const { handle } = await boundedActivities.runCustomActivity({
      leadId: ctx.state.leadId,
      stepId: ctx.stepId,
      activity: config.activity,
      version: config.version,
      input: config.input,
    });
    return follow(handle);
  },
});
