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
export function openSegmentsOn(schedule: Schedule, date: LocalDate): readonly OpenSegment[] {
  const day = isoDate(date);
  let byDay = segmentCache.get(schedule);
  if (!byDay) {
    byDay = new Map();
    segmentCache.set(schedule, byDay);
  }
  const cached = byDay.get(day);
  if (cached) return cached;
  const segments = computeOpenSegments(schedule, date, day);
  // Bounded: a long scan (a schedule closed for months) should not keep every day it passed.
  if (byDay.size >= MAX_CACHED_DAYS) byDay.clear();
  byDay.set(day, segments);
  return segments;
}

/*
 * Working out a day's openings means turning wall times into instants in the schedule's zone, the
 * costly part of every business-time question; the answer depends only on the schedule and the
 * date, and a walk over many leads asks about the same few days again and again. Keyed by the
 * schedule object (schedules are read, never changed, once loaded), frozen so no caller can alter
 * a shared answer.
 */
const segmentCache = new WeakMap<Schedule, Map<string, readonly OpenSegment[]>>();
const MAX_CACHED_DAYS = 2_000;

function computeOpenSegments(
  schedule: Schedule,
  date: LocalDate,
  day: string,
): readonly OpenSegment[] {
  if (schedule.holidays?.includes(day)) return Object.freeze([]);
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
  return Object.freeze(mergeSegments(raw).map((segment) => Object.freeze(segment)));
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
