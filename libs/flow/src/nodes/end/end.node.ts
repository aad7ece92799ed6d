import { z } from 'zod';
import { defineNode } from '../../catalogue/define-node';

export const endOutcomes = ['contacted', 'disqualified', 'unhandled', 'spam', 'other'] as const;
export type EndOutcome = (typeof endOutcomes)[number];

export const endConfigSchema = z.object({
  outcome: z.enum(endOutcomes).default('other').describe('How the flow finished, for reports'),
});
export type EndConfig = z.output<typeof endConfigSchema>;

export const endNode = defineNode({
  type: 'end',
  title: 'End',
  description: 'Finishes the flow with an outcome.',
  category: 'finish',
  configSchema: endConfigSchema,
  defaultConfig: { outcome: 'contacted' },
  handles: [],
});
