import { notifyNode } from '@baton/flow';
import { activities } from '../handoff/handoff-activities';
import { defineExecutor, follow } from './node-executor';

export const notifyExecutor = defineExecutor({
  definition: notifyNode,
  async run(ctx, config) {
    await activities.notify({ leadId: ctx.state.leadId, stepId: ctx.stepId, config });
    return follow('next');
  },
});
