import { DateTime } from 'luxon';

// Fixed locale: these strings end up in recorded events, and must not change with the host's
// locale between the API, the worker and a replay.
const LOCALE = 'en-GB';

/** "Tue 10 Mar 09:00 Europe/Berlin" (or UTC when no zone is given). */
export function formatMoment(at: Date, zone = 'UTC'): string {
  const dt = DateTime.fromJSDate(at, { zone }).setLocale(LOCALE);
  return `${dt.toFormat('ccc d LLL yyyy HH:mm')} ${zone}`;
}
