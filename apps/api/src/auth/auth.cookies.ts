export const SESSION_COOKIE = 'baton_session';
/** Readable by the web app, which echoes it in X-CSRF-Token (double submit). */
export const CSRF_COOKIE = 'baton_csrf';
