import { z } from 'zod';
import { defineNode } from '../../catalogue/define-node';

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

/**
 * How the step waits for the model. `wait_for_model` (what every flow did before modes existed):
 * the lead goes on once the model answered or its budget ran out. `decide_now`: the heuristic
 * scores at once and the lead goes on; the model scores in the background within the same budget,
 * its answer is a second `qualified` event and replaces the lead's stored qualification, and
 * steps that run after it arrived read it. It never re-routes a lead already past them.
 */
export const qualifyModes = ['wait_for_model', 'decide_now'] as const;
export type QualifyMode = (typeof qualifyModes)[number];

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
    .describe(
      "The model's budget, counted from the lead's arrival (queueing behind other leads included); after it the heuristic answers",
    ),
  mode: z
    .enum(qualifyModes)
    .default('wait_for_model')
    .describe(
      'wait_for_model: route once the model answered or its budget ran out; decide_now: route at once on the heuristic score and let the model refine it in the background',
    ),
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
