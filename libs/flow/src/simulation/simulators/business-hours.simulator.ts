import { formatMoment } from '../../business-time/format-moment';
import { isOpen, nextOpening } from '../../business-time/schedule';
import { businessHoursNode } from '../../nodes/business-hours/business-hours.node';
import { defineNodeSimulator } from '../node-simulator';

export const businessHoursSimulator = defineNodeSimulator(
  businessHoursNode,
  ({ config, state, options }) => {
    const schedule = options.schedules[config.scheduleId];
    if (!schedule)
      return {
        handle: null,
        reason: `The schedule "${config.scheduleId}" was not given to the simulation.`,
      };
    if (isOpen(schedule, state.now)) {
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
