import { ActivityFailure } from '@temporalio/workflow';
import { webhookNode } from '@baton/flow';
import { activities, boundedActivities } from '../handoff/handoff-activities';
import { defineExecutor, follow } from './node-executor';

export const webhookExecutor = defineExecutor({
  definition: webhookNode,
  async run(ctx, config) {
    try {
      await boundedActivities.callWebhook({ leadId: ctx.state.leadId, stepId: ctx.stepId, config });
      return follow('ok');
    } catch (err) {
      if (!(err instanceof ActivityFailure)) throw err;
      await activities.recordEvent({
        leadId: ctx.state.leadId,
        stepId: ctx.stepId,
        type: 'error',
        data: {
          nodeId: ctx.node.id,
          message: `Webhook failed after retries: ${err.cause?.message ?? err.message}`,
        },
      });
      return follow('failed');
    }
  },
});
