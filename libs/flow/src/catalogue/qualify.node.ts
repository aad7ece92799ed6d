import { z } from 'zod';
import { defineNode } from './define-node';

/** The kinds of business the qualifier knows; each has its own terms, weights and prompt. */
export const businessProfiles = [
  'b2b',
  'home_services',
  'dental_medical',
  'legal',
  'real_estate',
  'other',
] as const;
export type BusinessProfile = (typeof businessProfiles)[number];

export const HOT_WHEN_MAX_LENGTH = 500;

export const qualifyConfigSchema = z.object({
  // b2b is what every flow got before profiles existed, so saved flows keep their scoring.
  profile: z
    .enum(businessProfiles)
    .default('b2b')
    .describe(
      'What kind of business this is: b2b software/services, home services and trades, dental/medical practice, legal, real estate, other',
    ),
  hotWhen: z
    .string()
    .trim()
    .max(HOT_WHEN_MAX_LENGTH, `keep it under ${HOT_WHEN_MAX_LENGTH} characters`)
    // Goes into the model's prompt: control characters could forge structure there (tabs and
    // line breaks are ordinary prose).
    .refine(
      (text) => !/\p{Cc}/u.test(text.replace(/[\t\n\r]/g, '')),
      'use plain text without control characters',
    )
    .optional()
    .describe(
      'What makes a lead hot for us, in your own words; the model reads it as your guidance',
    ),
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
