import { z } from 'zod';

/** True when the runtime knows the zone (Intl throws a RangeError for an unknown IANA name). */
function isKnownTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** When a team's managers get the weekly handoff report. */
export const teamReportSettingsSchema = z
  .object({
    enabled: z.boolean(),
    weekday: z
      .number()
      .int()
      .min(1, { message: 'use 1 (Monday) to 7 (Sunday)' })
      .max(7, { message: 'use 1 (Monday) to 7 (Sunday)' })
      .describe('ISO weekday, 1 = Monday'),
    time: z
      .string()
      .regex(/^([01][0-9]|2[0-3]):[0-5][0-9]$/, { message: 'use HH:MM, 24-hour, e.g. 08:30' })
      .describe('Local time of day in timeZone'),
    timeZone: z
      .string()
      .refine(isKnownTimeZone, { message: 'use an IANA time zone, e.g. Europe/Berlin' }),
  })
  .strict()
  .meta({ id: 'TeamReportSettings' });
export type TeamReportSettings = z.infer<typeof teamReportSettingsSchema>;

/** One rep's line in the weekly report. */
export const weeklyReportRepSchema = z
  .object({
    userId: z.uuid(),
    name: z.string(),
    leads: z.number().int(),
    medianSecondsToContact: z.number().nullable(),
  })
  .meta({ id: 'WeeklyReportRep' });
export type WeeklyReportRep = z.infer<typeof weeklyReportRepSchema>;

/** The week's handoff numbers for one team: the same data the email carries. */
export const weeklyReportSchema = z
  .object({
    team: z.object({ id: z.uuid(), name: z.string() }),
    weekStart: z.iso.datetime({ offset: true }),
    weekEnd: z.iso.datetime({ offset: true }),
    leads: z.number().int(),
    medianSecondsToContact: z.number().nullable(),
    slaAttainment: z.number().min(0).max(1).nullable().describe('Share of SLA-bound leads met'),
    completion: z.number().min(0).max(1).nullable().describe('Share of leads contacted'),
    agingOpen: z.number().int().describe('Leads still open at week end'),
    leakedRevenue: z.number().describe('Estimated value of leads lost to slow response'),
    /** Leads per day, Monday first: the chart's bars. */
    perDay: z.array(z.object({ day: z.string(), leads: z.number().int() })),
    bestReps: z.array(weeklyReportRepSchema),
    worstReps: z.array(weeklyReportRepSchema),
  })
  .meta({ id: 'WeeklyReport' });
export type WeeklyReport = z.infer<typeof weeklyReportSchema>;
