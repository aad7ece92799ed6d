import { z } from 'zod';
import { emailAddressSchema } from '../fields/email-address.schema';

// What a source may send us. Strict: an unknown key is a typo on the sender's side and gets a
// precise 400 instead of being silently dropped.
const text = (max: number) => z.string().trim().max(max);

export const utmSchema = z
  .object({
    source: text(200).optional(),
    medium: text(200).optional(),
    campaign: text(200).optional(),
    term: text(200).optional(),
    content: text(200).optional(),
  })
  .strict();

export const leadSourceContextSchema = z
  .object({
    form: text(200).optional(),
    campaign: text(200).optional(),
    utm: utmSchema.optional(),
    landingPage: text(2000).optional(),
    referrer: text(2000).optional(),
  })
  .strict();

export const customFieldValueSchema = z.union([
  text(2000),
  z.number().finite(),
  z.boolean(),
  z.null(),
]);

/**
 * Key names that, assigned to a plain object (as zod, qs and spreads do), replace its prototype
 * or shadow its constructor instead of adding a field: the API refuses them in every body.
 */
export const RESERVED_KEY_NAMES: ReadonlySet<string> = new Set([
  '__proto__',
  'constructor',
  'prototype',
]);

/**
 * Keys are trimmed like every other text, so two keys that differ only in surrounding spaces
 * would silently keep one value, and " __proto__ " would vanish: both are refused, naming the
 * keys, before the record is built.
 */
function checkKeysOnceTrimmed(value: unknown, ctx: z.RefinementCtx): unknown {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return value;
  const firstWith = new Map<string, string>();
  for (const key of Object.keys(value)) {
    const trimmed = key.trim();
    const earlier = firstWith.get(trimmed);
    if (RESERVED_KEY_NAMES.has(trimmed))
      ctx.addIssue({ code: 'custom', path: [key], message: 'this key name is reserved' });
    else if (earlier === undefined) firstWith.set(trimmed, key);
    else
      ctx.addIssue({
        code: 'custom',
        path: [key],
        message: `keys ${JSON.stringify(earlier)} and ${JSON.stringify(key)} are the same once spaces are trimmed; send one`,
      });
  }
  return value;
}

/** Up to 50 flat custom fields; keys are trimmed, and must stay distinct when they are. */
export const customFieldsSchema = z.preprocess(
  checkKeysOnceTrimmed,
  z
    .record(text(100).min(1), customFieldValueSchema)
    .refine((r) => Object.keys(r).length <= 50, 'at most 50 custom fields'),
);

export const leadContactSchema = z
  .object({
    name: text(200).min(1, 'name must not be empty'),
    email: emailAddressSchema.optional(),
    phone: text(50)
      .regex(/^[+()0-9 .\-/]{5,50}$/, 'phone may contain digits, spaces, + ( ) . - / only')
      .optional(),
    company: text(200).optional(),
  })
  .strict()
  .refine((c) => c.email !== undefined || c.phone !== undefined, {
    message: 'a lead needs an email or a phone number',
    path: ['email'],
  });

export const leadIntakeSchema = z
  .object({
    externalId: text(200).min(1).optional(),
    contact: leadContactSchema,
    message: text(10_000).optional(),
    customFields: customFieldsSchema.optional(),
    source: leadSourceContextSchema.optional(),
  })
  .strict()
  .meta({ id: 'LeadIntake' });

export type LeadIntake = z.infer<typeof leadIntakeSchema>;
export type LeadContact = z.infer<typeof leadContactSchema>;
export type LeadSourceContext = z.infer<typeof leadSourceContextSchema>;

export const leadAcceptedSchema = z
  .object({ id: z.uuid(), status: z.literal('accepted'), duplicateOf: z.uuid().optional() })
  .meta({ id: 'LeadAccepted' });
export type LeadAccepted = z.infer<typeof leadAcceptedSchema>;
