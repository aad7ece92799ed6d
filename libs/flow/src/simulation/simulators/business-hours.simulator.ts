import { formatMoment } from '../../business-time/format-moment';
import { nextOpening } from '../../business-time/schedule';
import { businessHoursBranch } from '../../nodes/business-hours/business-hours-branch';
import { businessHoursNode } from '../../nodes/business-hours/business-hours.node';
import { defineNodeSimulator } from '../node-simulator';

export const businessHoursSimulator = defineNodeSimulator(
  businessHoursNode,
  ({ config, state, options }) => {
    const schedule = options.schedules[config.scheduleId];
    // Same rule as the engine: a schedule that was not given counts as closed.
    if (!schedule)
      return {
        handle: businessHoursBranch(schedule, state.now),
        reason: `The schedule "${config.scheduleId}" was not given to the simulation: treated as closed.`,
      };
    if (businessHoursBranch(schedule, state.now) === 'open') {
      return { handle: 'open', reason: `Open at ${formatMoment(state.now, schedule.timeZone)}.` };
    }
    const opens = nextOpening(schedule, state.now);
    const next = opens ? `; opens ${formatMoment(opens, schedule.timeZone)}` : '';
    return {
      handle: 'closed',
      reason: `Closed at ${formatMoment(state.now, schedule.timeZone)}${next}.`,
    };
  },
);
