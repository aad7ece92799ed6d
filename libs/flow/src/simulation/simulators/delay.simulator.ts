import { formatMoment } from '../../business-time/format-moment';
import { nextOpening } from '../../business-time/schedule';
import { delayNode } from '../../nodes/delay/delay.node';
import { defineNodeSimulator } from '../node-simulator';

const MINUTE_MS = 60_000;

export const delaySimulator = defineNodeSimulator(delayNode, ({ config, state, options }) => {
  if (config.minutes !== undefined) {
    const until = new Date(state.now.getTime() + config.minutes * MINUTE_MS);
    return {
      handle: 'next',
      reason: `Waited ${config.minutes} minutes, until ${formatMoment(until)}.`,
      state: { now: until },
    };
  }
  const scheduleId = config.untilScheduleOpen ?? '';
  const schedule = options.schedules[scheduleId];
  if (!schedule)
    return {
      handle: null,
      reason: `The schedule "${scheduleId}" was not given to the simulation.`,
    };
  const opens = nextOpening(schedule, state.now);
  if (!opens)
    return {
      handle: null,
      reason: `The schedule "${scheduleId}" never opens, so the lead would wait for ever.`,
    };
  const reason =
    opens.getTime() === state.now.getTime()
      ? 'The schedule is open, so no wait.'
      : `Waited until the schedule opened, ${formatMoment(opens, schedule.timeZone)}.`;
  return { handle: 'next', reason, state: { now: opens } };
});
