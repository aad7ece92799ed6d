import { IANAZone } from 'luxon';
import { z } from 'zod';

export const weekdays = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof weekdays)[number];

const timeOfDay = z
  .string()
  .regex(
    /^(?:(?:[01]\d|2[0-3]):[0-5]\d|24:00)$/,
    'use 24-hour HH:mm, e.g. 09:00 (24:00 = midnight at the end of the day)',
  );

/**
 * One opening on a weekday. `end` before `start` is an overnight shift that runs into the next
 * day (22:00–06:00); `end` 24:00 closes at midnight.
 */
export const openIntervalSchema = z
  .object({ start: timeOfDay, end: timeOfDay })
  .refine((i) => i.start !== '24:00', {
    message: 'an opening cannot start at 24:00; use 00:00',
    path: ['start'],
  })
  .refine((i) => i.start !== i.end, {
    message: 'start and end are the same; use 00:00–24:00 for a whole day',
    path: ['end'],
  });

const minutes = (time: string): number => Number(time.slice(0, 2)) * 60 + Number(time.slice(3));

/**
 * A day's openings may not overlap (an overnight shift counts until midnight): two openings that
 * cover the same time are a typing mistake, not a meaning. Touching ones (09–12, 12–17) are fine.
 */
const dayHours = z
  .array(openIntervalSchema)
  .max(12)
  .superRefine((intervals, ctx) => {
    const spans = intervals.map((i, index) => {
      const start = minutes(i.start);
      const end = minutes(i.end);
      return { index, start, end: end > start ? end : 24 * 60, label: `${i.start}–${i.end}` };
    });
    for (const later of spans) {
      const earlier = spans.find(
        (other) => other.index < later.index && other.start < later.end && later.start < other.end,
      );
      if (earlier && !Number.isNaN(later.start + later.end + earlier.start + earlier.end)) {
        ctx.addIssue({
          code: 'custom',
          message: `overlaps ${earlier.label}; join them into one opening`,
          path: [later.index, 'start'],
        });
      }
    }
  });

export const scheduleSchema = z
  .object({
    timeZone: z.string().refine((zone) => IANAZone.isValidZone(zone), {
      message: 'unknown time zone; use an IANA name such as Europe/Berlin or America/New_York',
    }),
    // strict: a key like "monday" is a typo that would otherwise silently close that day.
    weekly: z
      .object({
        mon: dayHours.optional(),
        tue: dayHours.optional(),
        wed: dayHours.optional(),
        thu: dayHours.optional(),
        fri: dayHours.optional(),
        sat: dayHours.optional(),
        sun: dayHours.optional(),
      })
      .strict(),
    /** Whole local dates (yyyy-mm-dd, in the schedule's zone) on which it is closed. */
    holidays: z.array(z.iso.date('holidays are dates like 2026-12-25')).max(1000).default([]),
  })
  .refine((s) => weekdays.some((d) => (s.weekly[d]?.length ?? 0) > 0), {
    message: 'a schedule needs at least one opening in the week',
    path: ['weekly'],
  })
  .meta({ id: 'Schedule' });

export interface OpenInterval {
  start: string;
  end: string;
}

/**
 * What the business-time functions read. Structural, so a parsed schedule and a database row
 * (`Partial<WeeklyHours>`, `holidays: string[]`) both fit; parse with scheduleSchema at the boundary.
 */
export interface Schedule {
  timeZone: string;
  weekly: Partial<Record<Weekday, readonly OpenInterval[]>>;
  holidays?: readonly string[];
}

export type ScheduleInput = z.input<typeof scheduleSchema>;
