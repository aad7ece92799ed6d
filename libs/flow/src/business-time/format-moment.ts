import { DateTime } from 'luxon';
import { wallClockAt } from './zone-clock';

// Fixed locale: these strings end up in recorded events, and must not change with the host's
// locale between the API, the worker and a replay.
const LOCALE = 'en-GB';

const pad2 = (n: number) => String(n).padStart(2, '0');

/** "Tue 10 Mar 09:00 Europe/Berlin" (or UTC when no zone is given). */
export function formatMoment(at: Date, zone = 'UTC'): string {
  const ms = at.getTime();
  if (!isReadable(ms, zone)) return formatWithLuxon(at, zone); // luxon's "Invalid DateTime ..."
  const clock = wallClockAt(ms, zone);
  return `${calendarDay(clock.year, clock.month, clock.day)} ${pad2(clock.hour)}:${pad2(clock.minute)} ${zone}`;
}

function formatWithLuxon(at: Date, zone: string): string {
  const dt = DateTime.fromJSDate(at, { zone }).setLocale(LOCALE);
  return `${dt.toFormat('ccc d LLL yyyy HH:mm')} ${zone}`;
}

const isReadable = (ms: number, zone: string): boolean => {
  try {
    wallClockAt(ms, zone);
    return true;
  } catch {
    return false;
  }
};

/*
 * "Tue 10 Mar 2026" through luxon (weekday and month names come from Intl for en-GB), once per
 * date: the names depend on the calendar date alone, and luxon's formatting is slow enough to
 * dominate a simulation over thousands of leads. The clock time is plain arithmetic.
 */
const calendarDays = new Map<string, string>();
const MAX_CACHED_DAYS = 5_000;

function calendarDay(year: number, month: number, day: number): string {
  const key = `${year}-${month}-${day}`;
  const cached = calendarDays.get(key);
  if (cached !== undefined) return cached;
  const text = DateTime.utc(year, month, day).setLocale(LOCALE).toFormat('ccc d LLL yyyy');
  if (calendarDays.size >= MAX_CACHED_DAYS) calendarDays.clear();
  calendarDays.set(key, text);
  return text;
}
