import { bookNode } from '@baton/flow';
import { boundedActivities } from '../handoff/handoff-activities';
import { defineExecutor, follow } from './node-executor';

export const bookExecutor = defineExecutor({
  definition: bookNode,
  // No free slot answers `failed`; so does an activity that gave up (see walkFlow).
  failureHandles: ['failed'],
  async run(ctx, config) {
    const result = await boundedActivities.bookMeeting({
      leadId: ctx.state.leadId,
      stepId: ctx.stepId,
      config,
    });
    return follow(result.outcome);
  },
});
