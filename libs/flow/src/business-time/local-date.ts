import type { Weekday } from './schedule.schema';
import { wallClockAt } from './zone-clock';

/** A calendar date with no zone attached; arithmetic on it is pure calendar arithmetic. */
export interface LocalDate {
  year: number;
  month: number;
  day: number;
}

const DAY_MS = 24 * 60 * 60_000;
// getUTCDay() order (Sunday first).
const weekdayKeys: readonly Weekday[] = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];

// Calendar maths on UTC midnights, where every day has 24 hours, so DST never shifts a date.
// Plain Date.UTC rather than luxon: schedule scans step through hundreds of days and this is
// ~50x faster. (Date with explicit arguments is deterministic; only the clock is not.)
const toUtcMs = (d: LocalDate): number => Date.UTC(d.year, d.month - 1, d.day);
const fromUtcMs = (ms: number): LocalDate => {
  const date = new Date(ms);
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
};

/** The calendar date in `zone` at the instant `ms`. */
export function localDateOf(ms: number, zone: string): LocalDate {
  const { year, month, day } = wallClockAt(ms, zone);
  return { year, month, day };
}

export function addDays(d: LocalDate, days: number): LocalDate {
  return fromUtcMs(toUtcMs(d) + days * DAY_MS);
}

export function weekdayOf(d: LocalDate): Weekday {
  return weekdayKeys[new Date(toUtcMs(d)).getUTCDay()];
}

export function isoDate(d: LocalDate): string {
  const pad = (n: number, width: number): string => String(n).padStart(width, '0');
  return `${pad(d.year, 4)}-${pad(d.month, 2)}-${pad(d.day, 2)}`;
}
