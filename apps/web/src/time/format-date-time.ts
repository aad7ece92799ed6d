import { toMillis, type Instant } from './to-millis';

export interface DateTimeFormatOptions {
  locale?: string;
  timeZone?: string;
  dateOnly?: boolean;
}

/** The absolute time people see in tooltips and on the lead page, in their own locale. */
export function formatDateTime(
  instant: Instant,
  { locale, timeZone, dateOnly }: DateTimeFormatOptions = {},
): string {
  const millis = toMillis(instant);
  if (Number.isNaN(millis)) return '—';
  return new Intl.DateTimeFormat(locale, {
    dateStyle: 'medium',
    ...(dateOnly ? {} : { timeStyle: 'medium' }),
    timeZone,
  }).format(millis);
}
