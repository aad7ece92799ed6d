import { isOpen, nextOpening } from '../business-time/schedule';
import type { Schedule } from '../business-time/schedule.schema';
import { formatMoment } from '../business-time/format-moment';
import type { RosterPerson } from './roster';

export interface AvailabilityInput {
  now: Date;
  schedules?: Readonly<Record<string, Schedule>>;
  respectSchedules: boolean;
  excluded: ReadonlySet<string>;
}

/** Why this person cannot take a lead right now, whatever the strategy; null when they can. */
export function unavailableReason(person: RosterPerson, input: AvailabilityInput): string | null {
  if (input.excluded.has(person.id)) return 'held this lead before';
  if (person.status === 'away') return 'away';

  const ooo = person.outOfOfficeUntil == null ? null : new Date(person.outOfOfficeUntil);
  if (ooo && !Number.isNaN(ooo.getTime()) && ooo.getTime() > input.now.getTime()) {
    return `out of office until ${formatMoment(ooo)}`;
  }
  if (person.capacity != null && person.openLeads >= person.capacity) {
    return `at capacity ${person.openLeads}/${person.capacity}`;
  }
  const schedule = person.scheduleId ? input.schedules?.[person.scheduleId] : undefined;
  if (input.respectSchedules && schedule && !isOpen(schedule, input.now)) {
    const back = nextOpening(schedule, input.now);
    return back
      ? `outside their working hours (back ${formatMoment(back, schedule.timeZone)})`
      : 'outside their working hours (their schedule never opens)';
  }
  return null;
}
