import type { RosterPerson } from '../roster';
import type { AssignmentStrategy, StrategyInput } from '../assignment-strategy';
import { minBy } from './min-by';

export function weightOf(person: RosterPerson, { config }: StrategyInput): number {
  return config.weights?.[person.id] ?? person.weight ?? 1;
}

/**
 * Deterministic weighted fair share: the person whose share would stay lowest after taking this
 * lead ((count + 1) / weight) gets it, so over time each person's count tracks their weight.
 * Counts are the pool's per-person tallies (AssignmentCursor.counts); the caller adds one for
 * the chosen person. Ties go to the heavier weight, then pool order.
 */
export const weightedStrategy: AssignmentStrategy = {
  mismatch(person, input) {
    return weightOf(person, input) > 0 ? null : 'weight 0 (takes no leads from this pool)';
  },
  choose(candidates, input) {
    const chosen = minBy(candidates, (c) => {
      const weight = weightOf(c.person, input);
      return [((input.counts[c.person.id] ?? 0) + 1) / weight, -weight, c.poolIndex];
    });
    const count = input.counts[chosen.person.id] ?? 0;
    return {
      candidate: chosen,
      why: `lowest share so far (${count} leads at weight ${weightOf(chosen.person, input)})`,
    };
  },
};
