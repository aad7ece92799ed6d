import { notifyNode } from '@baton/flow';
import { activities } from '../handoff/handoff-activities';
import { defineExecutor, follow } from './node-executor';

export const notifyExecutor = defineExecutor({
  definition: notifyNode,
  // A message that cannot be sent must not hold up the lead: its `failed` branch, else onwards.
  failureHandles: ['failed', 'next'],
  async run(ctx, config) {
    await activities.notify({ leadId: ctx.state.leadId, stepId: ctx.stepId, config });
    return follow('next');
  },
});
