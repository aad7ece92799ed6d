import { BusinessTimeError } from './business-time.error';
import { addDays, isoDate, weekdayOf, type LocalDate } from './local-date';
import type { OpenInterval, Schedule } from './schedule.schema';
import { minutesOfDay, wallTimeToMillis } from './wall-time';

/** An open stretch of time, [start, end) in epoch milliseconds. */
export interface OpenSegment {
  start: number;
  end: number;
}

const MIDNIGHT_END = 24 * 60;

const intervalsOn = (schedule: Schedule, date: LocalDate): readonly OpenInterval[] =>
  schedule.weekly[weekdayOf(date)] ?? [];

/**
 * The open time that falls on one local calendar date: that weekday's openings (an overnight
 * shift is cut at midnight) plus the part of yesterday's overnight shifts after midnight.
 * A holiday closes the whole date, including the tail of a shift that began the evening before.
 */
export function openSegmentsOn(schedule: Schedule, date: LocalDate): OpenSegment[] {
  if (schedule.holidays?.includes(isoDate(date))) return [];
  const zone = schedule.timeZone;
  const raw: OpenSegment[] = [];

  for (const interval of intervalsOn(schedule, date)) {
    const start = minutesOfDay(interval.start);
    const end = minutesOfDay(interval.end);
    if (start === end || start >= MIDNIGHT_END) {
      throw new BusinessTimeError(`opening ${interval.start}–${interval.end} is empty`);
    }
    raw.push({
      start: wallTimeToMillis(zone, date, start),
      end: wallTimeToMillis(zone, date, end > start ? end : MIDNIGHT_END),
    });
  }
  for (const interval of intervalsOn(schedule, addDays(date, -1))) {
    const start = minutesOfDay(interval.start);
    const end = minutesOfDay(interval.end);
    if (end < start && end > 0) {
      raw.push({ start: wallTimeToMillis(zone, date, 0), end: wallTimeToMillis(zone, date, end) });
    }
  }
  return mergeSegments(raw);
}

function mergeSegments(segments: OpenSegment[]): OpenSegment[] {
  const sorted = segments.filter((s) => s.end > s.start).sort((a, b) => a.start - b.start);
  const merged: OpenSegment[] = [];
  for (const segment of sorted) {
    const last = merged[merged.length - 1];
    if (last && segment.start <= last.end) last.end = Math.max(last.end, segment.end);
    else merged.push({ ...segment });
  }
  return merged;
}
