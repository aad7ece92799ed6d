import { nextOpening } from '../../business-time/schedule';
import type { Schedule } from '../../business-time/schedule.schema';
import type { DelayConfig } from './delay.node';

const MINUTE_MS = 60_000;

/**
 * When a delay step lets the lead go on: the engine and the simulator both ask this, so they agree.
 * A schedule that is open, no longer exists, or never opens does not hold the lead back (it goes on
 * at once) rather than parking it for ever.
 */
export function delayUntil(
  config: DelayConfig,
  schedules: Readonly<Record<string, Schedule>>,
  now: Date,
): Date {
  if (!config.untilScheduleOpen) return new Date(now.getTime() + (config.minutes ?? 0) * MINUTE_MS);
  const schedule = schedules[config.untilScheduleOpen];
  return (schedule && nextOpening(schedule, now)) ?? now;
}
