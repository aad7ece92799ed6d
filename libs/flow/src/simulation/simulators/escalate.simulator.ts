import { formatMoment } from '../../business-time/format-moment';
import { assignmentPoolKey } from '../../assignment/assignment-pool';
import { pickAssignee, type PickAssigneeResult } from '../../assignment/pick-assignee';
import { slaDeadline } from '../../business-time/sla-deadline';
import { escalateNode } from '../../nodes/escalate/escalate.node';
import { defineNodeSimulator } from '../node-simulator';
import { isBreached, managerOf, personName, slaSchedule } from '../simulation-helpers';
import type { SimulationState } from '../simulation.types';
import { stateAfterPick } from './assign.simulator';

export const escalateSimulator = defineNodeSimulator(
  escalateNode,
  ({ node, config, state, options }) => {
    let current: SimulationState = state;
    let lastPick: PickAssigneeResult | undefined;
    const rounds: string[] = [];
    const breached = isBreached(options, node.id);

    for (let round = 1; round <= config.maxRounds; round++) {
      const did: string[] = [];
      if (config.notifyManager) {
        const manager = managerOf(options, current);
        did.push(`alerted ${manager ? `the manager, ${manager.name}` : 'the team manager'}`);
      }
      if (config.reassign && current.lastAssign) {
        const poolKey = assignmentPoolKey(current.lastAssign);
        lastPick = pickAssignee(current.lastAssign, options.roster, {
          now: current.now,
          schedules: options.schedules,
          facts: current.facts,
          cursor: current.cursors[poolKey],
          counts: current.counts[poolKey],
          excludeUserIds: current.holders,
        });
        current = { ...current, ...stateAfterPick(current, lastPick) };
        did.push(
          lastPick.userId
            ? `reassigned to ${personName(options, lastPick.userId)}`
            : 'found nobody new to reassign to',
        );
      } else if (config.reassign) {
        did.push('could not reassign (no assign step before this one)');
      }
      const schedule = slaSchedule(options, current, config.roundSla.scheduleId);
      const deadline = slaDeadline(config.roundSla, current.now, schedule);
      if (!breached) {
        rounds.push(`Round ${round}: ${did.join(', ')}; contact was made.`);
        break;
      }
      rounds.push(
        `Round ${round}: ${did.join(', ')}; no contact by ${formatMoment(deadline, schedule?.timeZone)}.`,
      );
      current = { ...current, now: deadline };
    }

    return {
      handle: 'next',
      reason: rounds.join(' '),
      state: current,
      ...(lastPick ? { detail: { assignment: lastPick } } : {}),
    };
  },
);
