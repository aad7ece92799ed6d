import { formatDateTime, type DateTimeFormatOptions } from './format-date-time';
import { toMillis, type Instant } from './to-millis';

const minute = 60_000;
const hour = 60 * minute;
const day = 24 * hour;

/**
 * "just now", "3 min ago", "5 h ago", "2 days ago"; older than a week falls back to the date.
 * Times slightly in the future (clock skew between browser and server) read as "just now".
 */
export function formatRelativeTime(
  instant: Instant,
  now: Instant,
  options: DateTimeFormatOptions = {},
): string {
  const diff = toMillis(now) - toMillis(instant);
  if (Number.isNaN(diff)) return '—';
  const abs = Math.abs(diff);
  if (abs < 45_000) return 'just now';
  const phrase = (value: number, unit: string) =>
    diff > 0 ? `${value} ${unit} ago` : `in ${value} ${unit}`;
  if (abs < hour) return phrase(Math.max(1, Math.round(abs / minute)), 'min');
  if (abs < day) return phrase(Math.floor(abs / hour), 'h');
  if (abs < 7 * day) {
    const days = Math.floor(abs / day);
    return phrase(days, days === 1 ? 'day' : 'days');
  }
  return formatDateTime(instant, { ...options, dateOnly: true });
}
