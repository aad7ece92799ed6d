import { z } from 'zod';

/** How people may sign in, for the login page (public). */
export const signInOptionsSchema = z
  .object({
    /** False when BATON_LOCAL_PASSWORDS=off: the password form is hidden and POST /auth/login answers 403. */
    passwords: z.boolean(),
    /** Single sign-on with the organisation's OIDC provider, or null when it is not configured. */
    sso: z.object({ name: z.string(), startUrl: z.string() }).nullable(),
  })
  .meta({ id: 'SignInOptions' });
export type SignInOptions = z.infer<typeof signInOptionsSchema>;

/**
 * Why a single sign-on ended on the login page (`?sso_error=<code>&sso_email=<email>`). Codes, not
 * text, so a link cannot make the login page say whatever its author wants.
 */
export const ssoErrorCodes = [
  'no_account',
  'deactivated',
  'unverified_email',
  'no_email',
  'no_role',
  'denied',
  'failed',
  'unavailable',
] as const;
export const ssoErrorCodeSchema = z.enum(ssoErrorCodes);
export type SsoErrorCode = z.infer<typeof ssoErrorCodeSchema>;
