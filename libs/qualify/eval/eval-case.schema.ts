import { qualificationClasses } from '@baton/api-contract';
import { z } from 'zod';
import { BUSINESS_PROFILES } from '../src/business-profile';

const scalar = z.union([z.string(), z.number(), z.boolean(), z.null()]);

/**
 * One labelled lead of the eval set: what a contact form would send, the business it was sent
 * to, and the class its owner would give it. `injection` marks text that tries to instruct the
 * model; such a lead must never come out hot, whatever else it says.
 */
export const evalCaseSchema = z
  .object({
    id: z.string().min(1),
    profile: z.enum(BUSINESS_PROFILES),
    language: z.enum(['en', 'de', 'fr', 'es']),
    label: z.enum(qualificationClasses),
    injection: z.boolean().default(false),
    lead: z
      .object({
        name: z.string().min(1),
        email: z.string().nullable().optional(),
        phone: z.string().nullable().optional(),
        company: z.string().nullable().optional(),
        message: z.string().nullable().optional(),
        customFields: z.record(z.string(), scalar).default({}),
        context: z
          .object({
            form: z.string().optional(),
            landingPage: z.string().optional(),
            referrer: z.string().optional(),
            utmSource: z.string().optional(),
            utmMedium: z.string().optional(),
            utmCampaign: z.string().optional(),
          })
          .strict()
          .default({}),
      })
      .strict(),
    why: z.string().min(1),
  })
  .strict();

export type EvalCase = z.output<typeof evalCaseSchema>;
export const evalSetFileSchema = z.array(evalCaseSchema).min(1);
