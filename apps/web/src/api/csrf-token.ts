// The API sets a readable `baton_csrf` cookie next to the httpOnly session cookie; every
// state-changing request echoes it in a header (double-submit cookie).
export const csrfCookieName = 'baton_csrf';
export const csrfHeaderName = 'X-CSRF-Token';

export function readCsrfToken(cookieHeader: string = document.cookie): string | undefined {
  for (const part of cookieHeader.split(';')) {
    const eq = part.indexOf('=');
    if (eq === -1) continue;
    if (part.slice(0, eq).trim() === csrfCookieName) {
      const value = part.slice(eq + 1).trim();
      return value === '' ? undefined : decodeURIComponent(value);
    }
  }
  return undefined;
}
