import { BusinessTimeError } from './business-time.error';
import type { Schedule } from './schedule.schema';
import { segmentsAfter } from './segments-after';

const MINUTE_MS = 60_000;

/**
 * `start` plus `minutes` of open time. Closed time does not count, so 30 minutes from 16:45 on
 * a Friday (open until 17:00) is 09:15 on Monday. A deadline that uses up an opening exactly
 * lands on its closing time rather than the next opening. 0 minutes gives the next opening.
 * Throws BusinessTimeError when the schedule never opens (see nextOpening).
 */
export function addBusinessMinutes(schedule: Schedule, start: Date, minutes: number): Date {
  if (!Number.isFinite(minutes) || minutes < 0) {
    throw new BusinessTimeError(`cannot add ${minutes} business minutes; use a number ≥ 0`);
  }
  let remaining = Math.round(minutes * MINUTE_MS);
  for (const segment of segmentsAfter(schedule, start.getTime())) {
    const available = segment.end - segment.start;
    if (remaining <= available) return new Date(segment.start + remaining);
    remaining -= available;
  }
  throw new BusinessTimeError(
    `the schedule (${schedule.timeZone}) has no open hours in the two years after ${start.toISOString()}`,
  );
}
