import { createHmac, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';

export const OIDC_STATE_COOKIE = 'baton_oidc';
/** Time to get through the provider's pages. */
export const OIDC_STATE_TTL_MS = 10 * 60_000;

const pendingSignInSchema = z.object({
  state: z.string().min(1),
  nonce: z.string().min(1),
  codeVerifier: z.string().min(1),
  expiresAt: z.number(),
});
/** What the callback needs to check the provider's answer, kept by the browser between the two. */
export type PendingSignIn = z.infer<typeof pendingSignInSchema>;

/**
 * Signs the pending sign-in into a cookie value, so any API replica can finish it without shared
 * memory. The key is derived from the client secret, which every replica has and nobody else does.
 */
export class OidcStateCookie {
  private readonly key: Buffer;

  constructor(clientSecret: string) {
    this.key = createHmac('sha256', clientSecret).update('baton-oidc-state-cookie').digest();
  }

  seal(pending: PendingSignIn): string {
    const body = Buffer.from(JSON.stringify(pending)).toString('base64url');
    return `${body}.${this.mac(body)}`;
  }

  /** The pending sign-in, or null when the cookie is missing, forged or expired. */
  open(value: unknown, now = Date.now()): PendingSignIn | null {
    if (typeof value !== 'string') return null;
    const [body, mac, extra] = value.split('.');
    if (!body || !mac || extra !== undefined) return null;
    const expected = Buffer.from(this.mac(body));
    const given = Buffer.from(mac);
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
    try {
      const parsed = pendingSignInSchema.safeParse(
        JSON.parse(Buffer.from(body, 'base64url').toString('utf8')),
      );
      return parsed.success && parsed.data.expiresAt > now ? parsed.data : null;
    } catch {
      return null;
    }
  }

  private mac(body: string): string {
    return createHmac('sha256', this.key).update(body).digest('base64url');
  }
}
