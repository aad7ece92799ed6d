import { Info } from 'luxon';
import { BusinessTimeError } from './business-time.error';

/** What a clock in a zone reads at an instant. */
export interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
}

const HOUR_MS = 3_600_000;
/** Per zone: over two years of hours. */
const MAX_CACHED_HOURS = 20_000;
const MAX_DATE_MS = 8.64e15;

/*
 * A zone's UTC offset, the slow part of every luxon DateTime in a zone (an Intl round trip), looked
 * up once per zone and hour: when the offset at the hour's first and last millisecond agree, it
 * holds for the whole hour (no zone changes its clocks twice within an hour); when they differ,
 * the hour holds a change and each instant asks luxon. The fields are then read exactly as luxon
 * reads them (UTC fields of the instant shifted by the offset), so the answers are luxon's.
 */
const hourOffsets = new Map<string, Map<number, number | null>>();

function zoneOf(zone: string) {
  const z = Info.normalizeZone(zone);
  if (!z.isValid) throw new BusinessTimeError(`unknown time zone "${zone}"`);
  return z;
}

/** Minutes `zone` is ahead of UTC at the instant `ms` (luxon's Zone.offset). */
export function zoneOffsetMinutes(zone: string, ms: number): number {
  const hour = Math.floor(ms / HOUR_MS);
  const hours = hourOffsets.get(zone);
  const cached = hours?.get(hour);
  if (cached !== undefined && cached !== null) return cached;
  const z = zoneOf(zone);
  if (cached === null) return z.offset(ms);
  const first = z.offset(hour * HOUR_MS);
  const last = z.offset((hour + 1) * HOUR_MS - 1);
  const known = hours ?? new Map<number, number | null>();
  if (!hours) hourOffsets.set(zone, known);
  if (known.size >= MAX_CACHED_HOURS) known.clear();
  known.set(hour, first === last ? first : null);
  return first === last ? first : z.offset(ms);
}

/** The wall clock in `zone` at the instant `ms`, as DateTime.fromMillis(ms, { zone }) reads it. */
export function wallClockAt(ms: number, zone: string): WallClock {
  // Outside what a Date holds luxon gives an invalid DateTime, which callers have always
  // reported this way.
  if (!(Math.abs(ms) <= MAX_DATE_MS)) throw new BusinessTimeError(`unknown time zone "${zone}"`);
  const shifted = new Date(ms + zoneOffsetMinutes(zone, ms) * 60_000);
  return {
    year: shifted.getUTCFullYear(),
    month: shifted.getUTCMonth() + 1,
    day: shifted.getUTCDate(),
    hour: shifted.getUTCHours(),
    minute: shifted.getUTCMinutes(),
  };
}
