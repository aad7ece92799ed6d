import { z } from 'zod';

/** 30 days: anything longer is not a speed-to-lead target. */
export const MAX_SLA_MINUTES = 60 * 24 * 30;

export const slaModes = ['business', 'wall'] as const;
export type SlaMode = (typeof slaModes)[number];

export const slaSchema = z.object({
  minutes: z
    .number()
    .int('minutes must be a whole number')
    .min(1, 'an SLA needs at least 1 minute')
    .max(MAX_SLA_MINUTES, 'an SLA can be at most 30 days'),
  /** business: only minutes while the schedule is open count; wall: every minute counts. */
  mode: z.enum(slaModes).default('business'),
  /** Schedule for business minutes; defaults to the owner's schedule (then wall time if none). */
  scheduleId: z.string().min(1).optional(),
});

export type Sla = z.output<typeof slaSchema>;
