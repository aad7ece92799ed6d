import { z } from 'zod';
import { defineNode } from '../../catalogue/define-node';

export const triggerConfigSchema = z.object({
  sources: z
    .array(z.string().min(1))
    .max(100)
    .default([])
    .describe('Ids of the sources whose leads start this flow; empty means every source'),
  forms: z
    .array(z.string().trim().min(1).max(200))
    .max(100)
    .default([])
    .describe('Form names (case-insensitive) that start this flow; empty means any form'),
});
export type TriggerConfig = z.output<typeof triggerConfigSchema>;

export const triggerNode = defineNode({
  type: 'trigger',
  title: 'Trigger',
  description: 'Which sources and forms start this flow. Every flow has exactly one trigger.',
  category: 'start',
  configSchema: triggerConfigSchema,
  defaultConfig: { sources: [], forms: [] },
  handles: ['next'],
});
