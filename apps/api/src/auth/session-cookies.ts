import type { Response } from 'express';
import type { ApiConfig } from '../config/api-config';
import { CSRF_COOKIE, SESSION_COOKIE } from './auth.cookies';

/** Signs the browser in: the httpOnly session cookie and the CSRF cookie the web app echoes. */
export function setSessionCookies(
  res: Response,
  session: { token: string; csrfToken: string; expiresAt: Date },
  config: Pick<ApiConfig, 'cookieSecure'>,
): void {
  const common = {
    sameSite: 'lax' as const,
    secure: config.cookieSecure,
    path: '/',
    expires: session.expiresAt,
  };
  res.cookie(SESSION_COOKIE, session.token, { ...common, httpOnly: true });
  res.cookie(CSRF_COOKIE, session.csrfToken, { ...common, httpOnly: false });
}
