import { assignmentPoolKey } from '../../assignment/assignment-pool';
import { pickAssignee } from '../../assignment/pick-assignee';
import { assignNode } from '../../nodes/assign/assign.node';
import { defineNodeSimulator } from '../node-simulator';
import type { SimulationState } from '../simulation.types';
import type { PickAssigneeResult } from '../../assignment/pick-assignee';

/** The walk's state after someone takes the lead: new owner, one more holder, pool tallies moved on. */
export function stateAfterPick(
  state: SimulationState,
  pick: PickAssigneeResult,
): Partial<SimulationState> {
  if (pick.userId === null) return {};
  const counts = state.counts[pick.poolKey] ?? {};
  return {
    ownerId: pick.userId,
    holders: [...state.holders, pick.userId],
    cursors:
      pick.nextCursor === undefined
        ? state.cursors
        : { ...state.cursors, [pick.poolKey]: pick.nextCursor },
    counts: {
      ...state.counts,
      [pick.poolKey]: { ...counts, [pick.userId]: (counts[pick.userId] ?? 0) + 1 },
    },
  };
}

export const assignSimulator = defineNodeSimulator(assignNode, ({ config, state, options }) => {
  const poolKey = assignmentPoolKey(config);
  const pick = pickAssignee(config, options.roster, {
    now: state.now,
    schedules: options.schedules,
    facts: state.facts,
    cursor: state.cursors[poolKey],
    counts: state.counts[poolKey],
  });
  return {
    handle: pick.userId === null ? 'nobody' : 'assigned',
    reason: pick.explanation,
    detail: { assignment: pick },
    state: { ...stateAfterPick(state, pick), lastAssign: config },
  };
});
