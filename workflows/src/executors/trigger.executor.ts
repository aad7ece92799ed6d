import { triggerNode } from '@baton/flow';
import { defineExecutor, follow } from './node-executor';

/** The source/form filter already chose this flow when the lead was stored: just move on. */
export const triggerExecutor = defineExecutor({
  definition: triggerNode,
  run: async () => follow('next'),
});
