import { z } from 'zod';
import { roleSchema } from '../auth/auth.schema';

/** Every personal API token starts with this, so people (and secret scanners) recognise one. */
export const API_TOKEN_PREFIX = 'baton_pat_';
export const API_TOKEN_MAX_DAYS = 365;

/** active: works; expired: its expiry passed; revoked: its person or an admin revoked it. */
export const apiTokenStates = ['active', 'expired', 'revoked'] as const;
export type ApiTokenState = (typeof apiTokenStates)[number];

/** A personal API token as its person sees it; never the secret. */
export const apiTokenSchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    /** The first characters of the secret, to tell tokens apart. */
    prefix: z.string(),
    state: z.enum(apiTokenStates),
    createdAt: z.iso.datetime(),
    /** Kept to the minute: updated at most once a minute per token. */
    lastUsedAt: z.iso.datetime().nullable(),
    expiresAt: z.iso.datetime().nullable(),
    revokedAt: z.iso.datetime().nullable(),
  })
  .meta({ id: 'ApiToken' });
export type ApiToken = z.infer<typeof apiTokenSchema>;

export const apiTokenListSchema = z
  .object({ items: z.array(apiTokenSchema) })
  .meta({ id: 'ApiTokenList' });
export type ApiTokenList = z.infer<typeof apiTokenListSchema>;

export const createApiTokenSchema = z
  .object({
    name: z
      .string({ error: 'name must be a text' })
      .trim()
      .min(1, 'name must not be empty')
      .max(100, 'name must be at most 100 characters'),
    expiresInDays: z
      .number({ error: 'expiresInDays must be a number of days' })
      .int('expiresInDays must be a whole number of days')
      .min(1, 'expiresInDays must be at least 1')
      .max(API_TOKEN_MAX_DAYS, `expiresInDays must be at most ${API_TOKEN_MAX_DAYS}`)
      .nullable()
      .optional()
      .describe('Days until the token stops working; null or absent: it does not expire'),
  })
  .strict()
  .meta({ id: 'CreateApiToken' });
export type CreateApiToken = z.infer<typeof createApiTokenSchema>;

/** The only answer that carries the secret: store it now, it cannot be shown again. */
export const createdApiTokenSchema = z
  .object({ token: apiTokenSchema, secret: z.string().startsWith(API_TOKEN_PREFIX) })
  .meta({ id: 'CreatedApiToken' });
export type CreatedApiToken = z.infer<typeof createdApiTokenSchema>;

/** A token with its person: what admins see of everyone's tokens (offboarding). */
export const ownedApiTokenSchema = apiTokenSchema
  .extend({
    owner: z.object({ id: z.uuid(), name: z.string(), email: z.string(), role: roleSchema }),
  })
  .meta({ id: 'OwnedApiToken' });
export type OwnedApiToken = z.infer<typeof ownedApiTokenSchema>;

export const ownedApiTokenListSchema = z
  .object({ items: z.array(ownedApiTokenSchema) })
  .meta({ id: 'OwnedApiTokenList' });
export type OwnedApiTokenList = z.infer<typeof ownedApiTokenListSchema>;

export const apiTokenListQuerySchema = z
  .object({
    userId: z.uuid('userId must be a person id (uuid)').optional(),
    state: z
      .enum(['active', 'all'], { error: 'state must be active or all' })
      .default('active')
      .describe('active: only tokens that work (the default); all: expired and revoked ones too'),
  })
  .strict();
export type ApiTokenListQuery = z.infer<typeof apiTokenListQuerySchema>;
