import type { OpenInterval, Schedule } from '../src/business-time/schedule.schema';

/** Weekdays with the same hours (09:00–17:00 by default) in the given zone. */
export function weekdaySchedule(
  timeZone: string,
  hours: readonly OpenInterval[] = [{ start: '09:00', end: '17:00' }],
  holidays: readonly string[] = [],
): Schedule {
  return {
    timeZone,
    weekly: { mon: hours, tue: hours, wed: hours, thu: hours, fri: hours },
    holidays,
  };
}

/** Open every day, all day: business time equals wall time. */
export function alwaysOpen(timeZone = 'UTC'): Schedule {
  const all = [{ start: '00:00', end: '24:00' }];
  return {
    timeZone,
    weekly: { mon: all, tue: all, wed: all, thu: all, fri: all, sat: all, sun: all },
  };
}
