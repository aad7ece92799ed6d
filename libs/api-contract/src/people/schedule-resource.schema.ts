import { z } from 'zod';
import { scheduleSchema } from '@baton/flow';
import { instantSchema } from './people-fields.schema';

// A stored schedule = a name + the flow language's schedule (time zone, weekly hours, holidays),
// validated by the very schema the routing engine uses.

const holidayDateSchema = z.iso.date('holidays are dates like 2026-12-25');

export const scheduleBodySchema = scheduleSchema
  .safeExtend({
    name: z.string().trim().min(1, 'name must not be empty').max(200),
    /** What people call each holiday ("Christmas Day"), keyed by a date listed in `holidays`. */
    holidayNames: z
      .record(
        holidayDateSchema,
        z.string().trim().min(1, 'a holiday name must not be empty').max(100),
      )
      .default({}),
  })
  .strict()
  .superRefine((body, ctx) => {
    for (const date of Object.keys(body.holidayNames)) {
      if (!body.holidays.includes(date)) {
        ctx.addIssue({
          code: 'custom',
          message: `${date} is not one of the holidays`,
          path: ['holidayNames', date],
        });
      }
    }
  })
  .meta({ id: 'ScheduleBody' });
export type ScheduleBody = z.infer<typeof scheduleBodySchema>;

const openIntervalViewSchema = z.object({ start: z.string(), end: z.string() });

export const scheduleViewSchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    timeZone: z.string(),
    weekly: z.record(z.string(), z.array(openIntervalViewSchema)),
    holidays: z.array(z.string()),
    // Defaults: a client reading an API from before these fields still gets a whole view.
    holidayNames: z.record(z.string(), z.string()).default({}),
    /** How many people and teams follow it; which teams, and which flows (hours, delays, SLAs). */
    usedBy: z.object({
      users: z.number().int(),
      teams: z.number().int(),
      teamNames: z.array(z.string()).default([]),
      flows: z.array(z.string()).default([]),
    }),
    createdAt: z.iso.datetime(),
  })
  .meta({ id: 'ScheduleView' });
export type ScheduleView = z.infer<typeof scheduleViewSchema>;

export const scheduleListSchema = z
  .object({ items: z.array(scheduleViewSchema) })
  .meta({ id: 'ScheduleList' });
export type ScheduleList = z.infer<typeof scheduleListSchema>;

export const schedulePreviewQuerySchema = z
  .object({ from: instantSchema.optional().describe('start of the week shown; default now') })
  .strict();
export type SchedulePreviewQuery = z.infer<typeof schedulePreviewQuerySchema>;

/** A week of a schedule, for drawing: every opening between `from` and `to` (7 days later). */
export const schedulePreviewSchema = z
  .object({
    scheduleId: z.uuid(),
    timeZone: z.string(),
    from: z.iso.datetime(),
    to: z.iso.datetime(),
    openAtFrom: z.boolean(),
    /** First moment at or after `from` when it is open (null: never within two years). */
    nextOpening: z.iso.datetime().nullable(),
    /** When the opening running at `from` ends (null: closed at `from`, or round the clock). */
    nextClosing: z.iso.datetime().nullable(),
    /** Openings overlapping [from, to), clipped to it, in order. */
    openings: z.array(z.object({ start: z.iso.datetime(), end: z.iso.datetime() })),
  })
  .meta({ id: 'SchedulePreview' });
export type SchedulePreview = z.infer<typeof schedulePreviewSchema>;
