import { formatMoment } from '../../business-time/format-moment';
import { isOpen } from '../../business-time/schedule';
import { delayUntil } from '../../nodes/delay/delay-until';
import { delayNode } from '../../nodes/delay/delay.node';
import { defineNodeSimulator } from '../node-simulator';

export const delaySimulator = defineNodeSimulator(delayNode, ({ config, state, options }) => {
  // Same rule as the engine (delayUntil): a missing or never-opening schedule lets the lead go on.
  const until = delayUntil(config, options.schedules, state.now);
  if (config.minutes !== undefined) {
    return {
      handle: 'next',
      reason: `Waited ${config.minutes} minutes, until ${formatMoment(until)}.`,
      state: { now: until },
    };
  }
  const scheduleId = config.untilScheduleOpen ?? '';
  const schedule = options.schedules[scheduleId];
  const reason = !schedule
    ? `The schedule "${scheduleId}" was not given to the simulation, so no wait.`
    : until.getTime() > state.now.getTime()
      ? `Waited until the schedule opened, ${formatMoment(until, schedule.timeZone)}.`
      : isOpen(schedule, state.now)
        ? 'The schedule is open, so no wait.'
        : `The schedule "${scheduleId}" never opens, so no wait.`;
  return { handle: 'next', reason, state: { now: until } };
});
