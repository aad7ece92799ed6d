import type {
  AssignmentStrategy,
  Candidate,
  NonEmpty,
  StrategyInput,
} from '../assignment-strategy';
import { minBy } from './min-by';

/** Fewest open leads; ties go to whoever got fewer leads from this pool, then pool order. */
export function pickLeastLoaded(
  candidates: NonEmpty<Candidate>,
  { counts }: StrategyInput,
): Candidate {
  return minBy(candidates, (c) => [c.person.openLeads, counts[c.person.id] ?? 0, c.poolIndex]);
}

export const leastLoadedStrategy: AssignmentStrategy = {
  choose(candidates, input) {
    const chosen = pickLeastLoaded(candidates, input);
    return { candidate: chosen, why: `fewest open leads (${chosen.person.openLeads})` };
  },
};
