import { endNode } from '@baton/flow';
import { activities } from '../handoff/handoff-activities';
import { defineExecutor, type NodeOutcome } from './node-executor';

export const endExecutor = defineExecutor({
  definition: endNode,
  async run(ctx, config): Promise<NodeOutcome> {
    ctx.state.outcome = config.outcome;
    await activities.finishLead({
      leadId: ctx.state.leadId,
      stepId: ctx.stepId,
      outcome: config.outcome,
    });
    return { handle: null };
  },
});
