import type { Schedule } from '@baton/flow';
import type { ExecutionContext } from '../executors/node-executor';

/** The schedule a business-time clock counts in: the named one, else the team's default. */
export function scheduleFor(
  ctx: ExecutionContext,
  scheduleId: string | undefined,
): Schedule | undefined {
  const id = scheduleId ?? ctx.defaultScheduleId;
  return id ? ctx.schedules[id] : undefined;
}
