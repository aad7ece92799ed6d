import type { AssignStrategy } from '../nodes/assign/assign.node';
import type { AssignmentStrategy } from './assignment-strategy';
import { leastLoadedStrategy } from './strategies/least-loaded.strategy';
import { matchStrategy } from './strategies/match.strategy';
import { roundRobinStrategy } from './strategies/round-robin.strategy';
import { specificUserStrategy } from './strategies/specific-user.strategy';
import { weightedStrategy } from './strategies/weighted.strategy';

/** One entry per strategy the assign node offers; the mapped type makes a missing one a compile error. */
export const assignmentStrategies: { readonly [S in AssignStrategy]: AssignmentStrategy } = {
  round_robin: roundRobinStrategy,
  weighted: weightedStrategy,
  least_loaded: leastLoadedStrategy,
  match: matchStrategy,
  specific_user: specificUserStrategy,
};
