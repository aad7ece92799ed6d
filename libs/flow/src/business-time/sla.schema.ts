import { z } from 'zod';

/** 30 days: anything longer is not a speed-to-lead target. */
export const MAX_SLA_MINUTES = 60 * 24 * 30;

export const slaModes = ['business', 'wall'] as const;
export type SlaMode = (typeof slaModes)[number];

/**
 * A timer length in minutes. Fractions are allowed (0.5 = 30 seconds): sub-minute timers suit
 * automated first touches, and they let workflow tests run real timers in seconds.
 */
export const durationMinutesSchema = z
  .number()
  .min(0.05, 'use at least 0.05 minutes (3 seconds)')
  .max(MAX_SLA_MINUTES, 'at most 30 days');

export const slaSchema = z.object({
  minutes: durationMinutesSchema,
  /** business: only minutes while the schedule is open count; wall: every minute counts. */
  mode: z.enum(slaModes).default('business'),
  /** Schedule for business minutes; defaults to the owner's schedule (then wall time if none). */
  scheduleId: z.string().min(1).optional(),
});

export type Sla = z.output<typeof slaSchema>;
