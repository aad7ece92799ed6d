import { webhookNode } from '@baton/flow';
import { boundedActivities } from '../handoff/handoff-activities';
import { defineExecutor, follow } from './node-executor';

export const webhookExecutor = defineExecutor({
  definition: webhookNode,
  // After its few attempts the walk writes the error and takes `failed` (see walkFlow).
  failureHandles: ['failed'],
  async run(ctx, config) {
    await boundedActivities.callWebhook({ leadId: ctx.state.leadId, stepId: ctx.stepId, config });
    return follow('ok');
  },
});
