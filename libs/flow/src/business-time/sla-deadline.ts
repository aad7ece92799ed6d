import { addBusinessMinutes } from './add-business-minutes';
import type { Schedule } from './schedule.schema';
import type { Sla } from './sla.schema';

const MINUTE_MS = 60_000;

type SlaClock = Pick<Sla, 'minutes'> & { mode?: Sla['mode'] };

const addMinutes = (
  mode: Sla['mode'] | undefined,
  start: Date,
  minutes: number,
  schedule?: Schedule,
): Date =>
  // Business time without a schedule (the owner has none) counts every minute: the lead is
  // still chased rather than waiting forever.
  (mode ?? 'business') === 'business' && schedule
    ? addBusinessMinutes(schedule, start, minutes)
    : new Date(start.getTime() + minutes * MINUTE_MS);

/** When the SLA runs out for a clock started at `startedAt` (usually the lead's receivedAt). */
export function slaDeadline(sla: SlaClock, startedAt: Date, schedule?: Schedule): Date {
  return addMinutes(sla.mode, startedAt, sla.minutes, schedule);
}

/** When each reminder fires: offsets in minutes after the start, counted like the SLA itself. */
export function reminderTimes(
  sla: SlaClock,
  offsets: readonly number[],
  startedAt: Date,
  schedule?: Schedule,
): Date[] {
  return [...offsets]
    .sort((a, b) => a - b)
    .map((offset) => addMinutes(sla.mode, startedAt, offset, schedule));
}
