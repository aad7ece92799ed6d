import { chooseConditionBranch, conditionNode } from '@baton/flow';
import { activities } from '../handoff/handoff-activities';
import { defineExecutor, follow } from './node-executor';

export const conditionExecutor = defineExecutor({
  definition: conditionNode,
  async run(ctx, config) {
    const branch = chooseConditionBranch(config, ctx.state.facts);
    await activities.recordEvent({
      leadId: ctx.state.leadId,
      stepId: ctx.stepId,
      type: 'routed',
      data: {
        nodeId: ctx.node.id,
        handle: branch.handle,
        reason: branch.explanation,
        rules: branch.rules,
      },
    });
    return follow(branch.handle);
  },
});
