import { z } from 'zod';
import { idSchema } from './people-fields.schema';

export const sourceSlugPattern = /^[a-z0-9][a-z0-9-]{0,62}$/;

const sourceNameSchema = z.string().trim().min(1, 'name must not be empty').max(200);

/**
 * An allowed browser origin: http(s), host and optional port, nothing else. A trailing slash,
 * upper-case host or default port is normalised ("https://Example.com/" → "https://example.com");
 * a path, query or credentials is refused, since browsers never send those in Origin.
 */
export const originSchema = z
  .string()
  .trim()
  .max(300)
  .transform((value, ctx) => {
    let url: URL;
    try {
      url = new URL(value);
    } catch {
      ctx.addIssue({
        code: 'custom',
        message: `"${value}" is not a URL; use e.g. https://www.example.com`,
      });
      return z.NEVER;
    }
    const problem =
      url.protocol !== 'http:' && url.protocol !== 'https:'
        ? 'must start with http:// or https://'
        : url.username || url.password
          ? 'must not contain credentials'
          : url.pathname !== '/' || url.search || url.hash || /[?#]$/.test(value)
            ? 'must be an origin only (scheme://host[:port]), without a path, query or fragment'
            : null;
    if (problem) {
      ctx.addIssue({ code: 'custom', message: `"${value}" ${problem}` });
      return z.NEVER;
    }
    return url.origin;
  });

const allowedOriginsSchema = z
  .array(originSchema)
  .max(50, 'at most 50 origins')
  .transform((origins) => [...new Set(origins)]);

const httpUrlSchema = z
  .url({ protocol: /^https?$/, error: 'thankYouUrl must be an http(s) URL' })
  .max(2000);

export const sourceViewSchema = z
  .object({
    id: z.uuid(),
    slug: z.string(),
    name: z.string(),
    /** First characters of the API key, to tell keys apart; the key itself is never shown again. */
    apiKeyPrefix: z.string(),
    allowedOrigins: z.array(z.string()),
    thankYouUrl: z.string().nullable(),
    flowId: z.uuid().nullable(),
    active: z.boolean(),
    createdAt: z.iso.datetime(),
  })
  .meta({ id: 'Source' });
export type SourceView = z.infer<typeof sourceViewSchema>;

export const sourceListSchema = z
  .object({ items: z.array(sourceViewSchema) })
  .meta({ id: 'SourceList' });
export type SourceList = z.infer<typeof sourceListSchema>;

/** The only answer that carries the API key: store it now, it cannot be shown again. */
export const sourceWithKeySchema = z
  .object({ source: sourceViewSchema, apiKey: z.string() })
  .meta({ id: 'SourceWithKey' });
export type SourceWithKey = z.infer<typeof sourceWithKeySchema>;

export const createSourceSchema = z
  .object({
    slug: z
      .string()
      .regex(
        sourceSlugPattern,
        'slug must be 1-63 lower-case letters, digits or dashes, starting with a letter or digit',
      ),
    name: sourceNameSchema,
    allowedOrigins: allowedOriginsSchema.optional(),
    thankYouUrl: httpUrlSchema.nullable().optional(),
    flowId: idSchema('flowId').nullable().optional(),
  })
  .strict()
  .meta({ id: 'CreateSource' });
export type CreateSource = z.infer<typeof createSourceSchema>;

export const updateSourceSchema = z
  .object({
    name: sourceNameSchema.optional(),
    allowedOrigins: allowedOriginsSchema.optional(),
    thankYouUrl: httpUrlSchema.nullable().optional(),
    flowId: idSchema('flowId').nullable().optional(),
    active: z.boolean().optional(),
  })
  .strict()
  .refine((b) => Object.keys(b).length > 0, 'send at least one field to change')
  .meta({ id: 'UpdateSource' });
export type UpdateSource = z.infer<typeof updateSourceSchema>;

/** POST /api/v1/sources/:id/signing: require (or stop requiring) signed intake requests. */
export const updateSourceSigningSchema = z
  .object({ required: z.boolean({ error: 'required must be true or false' }) })
  .strict()
  .meta({ id: 'UpdateSourceSigning' });
export type UpdateSourceSigning = z.infer<typeof updateSourceSigningSchema>;

/**
 * Request signing of a source. `signingSecret` is only in the answer that enabled signing or
 * rotated the secret: Baton stores no secret (it derives it from BATON_SIGNING_KEY), and never
 * shows it again. The sender uses it as the HMAC-SHA256 key for
 * `X-Baton-Signature: t=<unix seconds>,v1=<hex HMAC of "<t>.<raw body>">`.
 */
export const sourceSigningSchema = z
  .object({
    sourceId: z.uuid(),
    /** POST /api/v1/leads from this source must be signed. */
    signatureRequired: z.boolean(),
    /** Bumped by every enable and rotate; the secret of an older version no longer works. */
    signingKeyVersion: z.number().int().min(0),
    /** The server has a BATON_SIGNING_KEY, so signing can be enabled. */
    signingAvailable: z.boolean(),
    signingSecret: z.string().optional(),
  })
  .meta({ id: 'SourceSigning' });
export type SourceSigning = z.infer<typeof sourceSigningSchema>;
