import { z } from 'zod';
import { scheduleSchema } from '@baton/flow';
import { instantSchema } from './people-fields.schema';

// A stored schedule = a name + the flow language's schedule (time zone, weekly hours, holidays),
// validated by the very schema the routing engine uses.

export const scheduleBodySchema = scheduleSchema
  .safeExtend({ name: z.string().trim().min(1, 'name must not be empty').max(200) })
  .strict()
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
    /** How many people and teams follow it. */
    usedBy: z.object({ users: z.number().int(), teams: z.number().int() }),
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
