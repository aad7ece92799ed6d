import { z } from 'zod';
import { defineNode } from './define-node';

export const qualifyConfigSchema = z.object({
  model: z
    .string()
    .trim()
    .min(1)
    .max(200)
    .optional()
    .describe('Ollama model name; the server default when empty'),
  timeoutMs: z
    .number()
    .int()
    .min(1_000, 'allow the model at least 1 second')
    .max(120_000, 'a lead should not wait more than 2 minutes for a score')
    .default(15_000)
    .describe('After this the heuristic qualifier answers instead'),
  minScore: z
    .number()
    .int()
    .min(0)
    .max(100)
    .optional()
    .describe('Leads scoring below this get qualification.qualified = false for later conditions'),
});
export type QualifyConfig = z.output<typeof qualifyConfigSchema>;

export const qualifyNode = defineNode({
  type: 'qualify',
  title: 'Qualify',
  description:
    'The local LLM scores and summarises the lead (score 0-100, intent, urgency, budget, spam, summary, reasons); a heuristic answers when the model is down or slow.',
  category: 'ai',
  configSchema: qualifyConfigSchema,
  defaultConfig: { timeoutMs: 15_000 },
  handles: ['next'],
});
