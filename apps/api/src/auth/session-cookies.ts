import type { Response } from 'express';
import { CSRF_COOKIE, SESSION_COOKIE } from './auth.cookies';

/** Hands a new session to the browser: the token httpOnly, the CSRF token readable by the web app. */
export function setSessionCookies(
  res: Response,
  session: { token: string; csrfToken: string; expiresAt: Date },
  secure: boolean,
): void {
  const common = { sameSite: 'lax' as const, secure, path: '/', expires: session.expiresAt };
  res.cookie(SESSION_COOKIE, session.token, { ...common, httpOnly: true });
  res.cookie(CSRF_COOKIE, session.csrfToken, { ...common, httpOnly: false });
}
