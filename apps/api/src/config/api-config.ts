import { z } from 'zod';
import { HANDOFF_TASK_QUEUE_DEFAULT } from '@baton/workflows/contract';
import { oidcEnvShape, parseSignInSettings, type SignInSettings } from '../auth/oidc/oidc-config';

const bool = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1');

const apiEnvSchema = z.object({
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  DATABASE_URL: z.string().min(1, 'DATABASE_URL is required (postgres://user:pass@host:5432/db)'),
  DATABASE_POOL_SIZE: z.coerce.number().int().positive().default(20),
  TEMPORAL_ADDRESS: z.string().min(1).default('127.0.0.1:7233'),
  TEMPORAL_NAMESPACE: z.string().min(1).default('default'),
  TEMPORAL_TASK_QUEUE: z.string().min(1).default(HANDOFF_TASK_QUEUE_DEFAULT),
  /** Built web app to serve at / (npm start, Docker). Unset: API only. */
  WEB_DIST: z.string().optional(),
  /**
   * Which proxies may set X-Forwarded-For (Express "trust proxy": loopback, uniquelocal, a hop
   * count, or addresses). Behind an Ingress, name it so throttling sees the client's address.
   */
  TRUST_PROXY: z.string().min(1).default('loopback'),
  /** Secure cookies need HTTPS; on by default in production. */
  COOKIE_SECURE: bool.optional(),
  SESSION_TTL_HOURS: z.coerce
    .number()
    .positive()
    .default(24 * 7),
  /** Unset outside production: the API captures mail locally on SMTP_CAPTURE_PORT (npm start). */
  SMTP_URL: z.string().optional(),
  SMTP_CAPTURE_PORT: z.coerce.number().int().positive().default(2525),
  /** From of the mail the API sends itself (invitations); the worker has its own. */
  SMTP_FROM: z.string().min(3).default('Baton <baton@localhost>'),
  /** How long an invitation link works. */
  INVITATION_TTL_HOURS: z.coerce
    .number()
    .positive()
    .max(24 * 90)
    .default(24 * 7),
  /** GET /metrics (Prometheus) wants "Authorization: Bearer <token>"; unset, /metrics is off. */
  METRICS_TOKEN: z.preprocess(
    (v) => (v === '' ? undefined : v),
    z.string().min(16, 'use a METRICS_TOKEN of at least 16 characters').optional(),
  ),
  /** Leads one source may send per minute with its API key (all API replicas together). */
  INTAKE_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().positive().default(600),
  /** Public form posts per minute from one client address to one source (bots' included). */
  INTAKE_FORM_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().positive().default(20),
  /**
   * Master key for signed intake (X-Baton-Signature on POST /api/v1/leads). Each source's signing
   * secret is derived from it, so it is never stored; changing it changes every source's secret.
   * Unset (or empty): request signing cannot be enabled, and sources that require it get 503.
   */
  BATON_SIGNING_KEY: z.preprocess(
    (v) => (v === '' ? undefined : v),
    z.string().min(32, 'use a BATON_SIGNING_KEY of at least 32 characters').optional(),
  ),
  /** How often the dispatcher looks for leads whose workflow has not started yet. */
  DISPATCH_INTERVAL_MS: z.coerce.number().int().positive().default(2000),
  /** The qualifier's model, as the worker has it (same names): /health/ready says whether it is there. */
  OLLAMA_HOST: z.preprocess((v) => (v === '' ? undefined : v), z.string().url().optional()),
  OLLAMA_MODEL: z.string().min(1).default('llama3.2:3b'),
  NODE_ENV: z.string().default('production'),
  ...oidcEnvShape,
});

export type ApiConfig = z.infer<typeof apiEnvSchema> & {
  cookieSecure: boolean;
  signIn: SignInSettings;
  /** BATON_PUBLIC_URL, or the `npm start` address: the base of links in mail (as the worker's). */
  publicUrl: string;
};

export const API_CONFIG = Symbol('API_CONFIG');

export function loadApiConfig(env: NodeJS.ProcessEnv = process.env): ApiConfig {
  const parsed = apiEnvSchema.safeParse(env);
  const fail = (issues: { path: string; message: string }[]) => {
    const lines = issues.map((i) => `  ${i.path}: ${i.message}`);
    return new Error(`Invalid API configuration:\n${lines.join('\n')}`);
  };
  if (!parsed.success)
    throw fail(parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })));
  const signIn = parseSignInSettings(parsed.data);
  if (signIn.issues.length > 0) throw fail(signIn.issues);
  return {
    ...parsed.data,
    cookieSecure: parsed.data.COOKIE_SECURE ?? parsed.data.NODE_ENV === 'production',
    signIn: signIn.settings,
    publicUrl: parsed.data.BATON_PUBLIC_URL ?? 'http://localhost:3000',
  };
}
