import { DateTime } from 'luxon';
import { BusinessTimeError } from './business-time.error';
import { addDays, type LocalDate } from './local-date';

const MINUTES_PER_DAY = 24 * 60;
const MINUTE_MS = 60_000;
// The longest DST jump in use is one hour (Lord Howe: 30 minutes); 3 h is a generous bound.
const MAX_GAP_MINUTES = 180;

/** Parses "HH:mm" (and "24:00") into minutes after midnight. */
export function minutesOfDay(time: string): number {
  const match = /^(\d{2}):(\d{2})$/.exec(time);
  if (!match) throw new BusinessTimeError(`"${time}" is not a time of day (HH:mm)`);
  const minutes = Number(match[1]) * 60 + Number(match[2]);
  if (minutes > MINUTES_PER_DAY || Number(match[2]) > 59) {
    throw new BusinessTimeError(`"${time}" is not a time of day (HH:mm)`);
  }
  return minutes;
}

/**
 * The instant at which clocks in `zone` read `minuteOfDay` on `date` (1440 = the next midnight).
 * A time skipped by a DST jump (02:30 on a spring-forward night) maps to the instant of the jump,
 * the first moment the clock reads that time or later, so an opening inside the gap starts when
 * the clock lands after it. An ambiguous time (fall back) takes luxon's choice of offset.
 */
export function wallTimeToMillis(zone: string, date: LocalDate, minuteOfDay: number): number {
  if (minuteOfDay >= MINUTES_PER_DAY)
    return wallTimeToMillis(zone, addDays(date, 1), minuteOfDay - MINUTES_PER_DAY);
  const dt = DateTime.fromObject(
    { ...date, hour: Math.floor(minuteOfDay / 60), minute: minuteOfDay % 60 },
    { zone },
  );
  if (!dt.isValid) throw new BusinessTimeError(`unknown time zone "${zone}"`);
  if (dt.day === date.day && dt.hour * 60 + dt.minute === minuteOfDay) return dt.toMillis();

  // In a gap luxon moves forward by the jump; walk back to the jump itself.
  let ms = dt.toMillis();
  for (let i = 0; i < MAX_GAP_MINUTES; i++) {
    const earlier = DateTime.fromMillis(ms - MINUTE_MS, { zone });
    if (earlier.day !== date.day || earlier.hour * 60 + earlier.minute < minuteOfDay) break;
    ms -= MINUTE_MS;
  }
  return ms;
}
