import { z } from 'zod';
import { defineNode } from '../../catalogue/define-node';

export const customConfigSchema = z.object({
  activity: z
    .string()
    .regex(/^[a-z0-9][a-z0-9._-]{0,99}$/i, 'an activity name uses letters, digits, ., - and _')
    .describe('The name a plugin registered with defineActivity'),
  version: z
    .string()
    .trim()
    .min(1)
    .max(50)
    .describe('The activity version the flow was built against'),
  input: z
    .record(z.string(), z.unknown())
    .default({})
    .describe("Checked against the activity's own input schema"),
});
export type CustomConfig = z.output<typeof customConfigSchema>;

export const customNode = defineNode({
  type: 'custom',
  title: 'Custom activity',
  description:
    'Runs an activity a plugin registered (e.g. a CRM sync); its form comes from the activity schema.',
  category: 'integration',
  configSchema: customConfigSchema,
  defaultConfig: { activity: '', version: '1', input: {} },
  handles: ['ok', 'failed'],
  available: true,
});
