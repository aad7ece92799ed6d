import { BusinessTimeError } from './business-time.error';
import { addDays, localDateOf } from './local-date';
import { openSegmentsOn, type OpenSegment } from './open-segments';
import { weekdays, type Schedule } from './schedule.schema';

/** Two years without a single open minute means the schedule is effectively always closed. */
export const MAX_CLOSED_DAYS = 731;
/** Hard stop for any scan, whatever the schedule: about 20 years of days. */
const MAX_SCANNED_DAYS = 7_305;

/**
 * Open time from `fromMs` onwards, in order, clipped so the first segment starts no earlier than
 * `fromMs`. Ends (returns) after MAX_CLOSED_DAYS consecutive closed days; callers turn that into
 * null or an error. Never loops forever.
 */
export function* segmentsAfter(schedule: Schedule, fromMs: number): Generator<OpenSegment, void> {
  if (!weekdays.some((day) => (schedule.weekly[day]?.length ?? 0) > 0)) return;
  let date = localDateOf(fromMs, schedule.timeZone);
  let closedDays = 0;
  for (let scanned = 0; scanned < MAX_SCANNED_DAYS; scanned++) {
    const segments = openSegmentsOn(schedule, date).filter((s) => s.end > fromMs);
    if (segments.length === 0) {
      closedDays += 1;
      if (closedDays > MAX_CLOSED_DAYS) return;
    } else {
      closedDays = 0;
      for (const segment of segments)
        yield { start: Math.max(segment.start, fromMs), end: segment.end };
    }
    date = addDays(date, 1);
  }
  throw new BusinessTimeError('gave up after scanning 20 years of the schedule');
}
