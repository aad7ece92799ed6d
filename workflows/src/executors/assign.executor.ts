import { assignNode } from '@baton/flow';
import { activities } from '../handoff/handoff-activities';
import { defineExecutor, follow } from './node-executor';

export const assignExecutor = defineExecutor({
  definition: assignNode,
  failureHandles: ['nobody'],
  async run(ctx, config) {
    const result = await activities.assignLead({
      leadId: ctx.state.leadId,
      stepId: ctx.stepId,
      config,
      excludeUserIds: [],
      reason: 'route',
    });
    ctx.state.lastAssignConfig = config;
    ctx.state.eligibleUserIds = result.eligibleUserIds;
    if (!result.ownerId) return follow('nobody');
    ctx.state.setOwner(result.ownerId);
    return follow('assigned');
  },
});
