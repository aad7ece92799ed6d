import { localDateOf } from './local-date';
import { openSegmentsOn } from './open-segments';
import type { Schedule } from './schedule.schema';
import { segmentsAfter } from './segments-after';

/** Whether the schedule is open at `at` (openings are [start, end): open at 09:00, closed at 17:00). */
export function isOpen(schedule: Schedule, at: Date): boolean {
  const ms = at.getTime();
  return openSegmentsOn(schedule, localDateOf(ms, schedule.timeZone)).some(
    (s) => s.start <= ms && ms < s.end,
  );
}

/**
 * The first moment at or after `after` when the schedule is open (`after` itself when it is
 * open already), or null when it stays closed for the next two years (no hours, or all holidays).
 */
export function nextOpening(schedule: Schedule, after: Date): Date | null {
  for (const segment of segmentsAfter(schedule, after.getTime())) return new Date(segment.start);
  return null;
}

/** How far nextClosing looks: a schedule open for a whole week straight is "round the clock". */
const CLOSING_HORIZON_MS = 8 * 24 * 60 * 60_000;

/**
 * When the current opening ends, or null when the schedule is closed at `at` or stays open for
 * more than a week (round the clock). Openings that touch (a night shift across midnight) join.
 */
export function nextClosing(schedule: Schedule, at: Date): Date | null {
  if (!isOpen(schedule, at)) return null;
  const from = at.getTime();
  let end = from;
  for (const segment of segmentsAfter(schedule, from)) {
    if (segment.start > end) break;
    end = segment.end;
    if (end - from > CLOSING_HORIZON_MS) return null;
  }
  return new Date(end);
}
