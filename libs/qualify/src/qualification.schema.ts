import { z } from 'zod';

export const qualificationIntents = [
  'buying',
  'researching',
  'support',
  'job',
  'spam',
  'other',
] as const;
export const qualificationUrgencies = ['high', 'medium', 'low'] as const;
export const qualificationBudgets = ['stated', 'unknown', 'none'] as const;
export const qualificationMethods = ['llm', 'heuristic'] as const;

export const SUMMARY_MAX_LENGTH = 280;
export const REASONS_MAX_COUNT = 5;
export const REASON_MAX_LENGTH = 160;

/**
 * The one description of a qualification: the model's output format (as JSON Schema, minus
 * `method`/`model`), the validation of its reply, and the result stored on the lead.
 */
export const qualificationSchema = z
  .object({
    score: z.number().int().min(0).max(100).describe('0 = worthless, 100 = ready to buy now'),
    intent: z.enum(qualificationIntents).describe('What the sender wants'),
    urgency: z.enum(qualificationUrgencies).describe('How soon they need an answer'),
    budget: z
      .enum(qualificationBudgets)
      .describe('stated = a budget or amount is given; none = they say they have none'),
    spam: z.boolean().describe('true for spam, bots, cold sales pitches and gibberish'),
    summary: z
      .string()
      .max(SUMMARY_MAX_LENGTH)
      .describe('One or two sentences a sales rep reads first'),
    reasons: z
      .array(z.string().max(REASON_MAX_LENGTH))
      .max(REASONS_MAX_COUNT)
      .describe('The evidence behind the score, most important first'),
    method: z
      .enum(qualificationMethods)
      .describe('Who scored the lead: the local model or the heuristic'),
    model: z
      .string()
      .max(200)
      .optional()
      .describe('The model name, when the model scored the lead'),
  })
  .meta({ id: 'Qualification' });

export type Qualification = z.infer<typeof qualificationSchema>;
export type QualificationIntent = Qualification['intent'];
export type QualificationUrgency = Qualification['urgency'];
export type QualificationBudget = Qualification['budget'];

/** What the model itself answers: who answered is recorded by us, not claimed by the model. */
export const modelQualificationSchema = qualificationSchema.omit({ method: true, model: true });
export type ModelQualification = z.infer<typeof modelQualificationSchema>;
