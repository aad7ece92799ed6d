import { formatMoment } from '../../business-time/format-moment';
import { reminderTimes, slaDeadline } from '../../business-time/sla-deadline';
import { waitForContactNode } from '../../nodes/wait-for-contact/wait-for-contact.node';
import { defineNodeSimulator } from '../node-simulator';
import { isBreached, slaSchedule } from '../simulation-helpers';

export const waitForContactSimulator = defineNodeSimulator(
  waitForContactNode,
  ({ node, config, state, options }) => {
    const schedule = slaSchedule(options, state, config.sla.scheduleId);
    const deadline = slaDeadline(config.sla, state.now, schedule);
    const reminders = reminderTimes(config.sla, config.reminders, state.now, schedule);
    const zone = schedule?.timeZone;
    const clock =
      config.sla.mode === 'business' && schedule
        ? `${config.sla.minutes} business minutes`
        : `${config.sla.minutes} minutes`;
    const reminderText =
      reminders.length > 0
        ? `; reminders ${reminders.map((r) => formatMoment(r, zone)).join(', ')}`
        : '';
    const detail = { deadline, reminders };
    // endOn claim: the wait is over once a rep takes the lead on, contact or not.
    const ending = config.endOn === 'claim' ? 'claimed the lead' : 'made contact';
    if (isBreached(options, node.id)) {
      return {
        handle: 'breached',
        reason: `Nobody ${ending} within ${clock}; the SLA ran out at ${formatMoment(deadline, zone)}${reminderText}.`,
        state: { now: deadline },
        detail,
      };
    }
    return {
      handle: 'contacted',
      reason: `Assumed ${config.endOn === 'claim' ? 'a claim' : 'contact'} before the deadline, ${formatMoment(deadline, zone)} (${clock})${reminderText}.`,
      detail,
    };
  },
);
