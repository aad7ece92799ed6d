import { isOpen } from '../../business-time/schedule';
import type { Schedule } from '../../business-time/schedule.schema';

/**
 * The handle a business_hours step takes: the engine and the simulator both ask this, so they agree.
 * A schedule that no longer exists (or was not given) counts as closed, so the lead still moves on.
 */
export function businessHoursBranch(schedule: Schedule | undefined, now: Date): 'open' | 'closed' {
  return schedule && isOpen(schedule, now) ? 'open' : 'closed';
}
