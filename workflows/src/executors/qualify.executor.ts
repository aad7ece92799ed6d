import { qualifyNode } from '@baton/flow';
import { qualifyActivities } from '../handoff/handoff-activities';
import { defineExecutor, follow } from './node-executor';

export const qualifyExecutor = defineExecutor({
  definition: qualifyNode,
  // Unqualified is still routable: conditions on qualification.* take their else branch.
  failureHandles: ['next'],
  async run(ctx, config) {
    const { qualification } = await qualifyActivities.qualifyLead({
      leadId: ctx.state.leadId,
      stepId: ctx.stepId,
      config,
    });
    // Later conditions read qualification.* facts.
    ctx.state.facts.qualification = qualification;
    return follow('next');
  },
});
