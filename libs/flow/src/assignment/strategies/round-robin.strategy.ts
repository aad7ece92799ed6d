import type { AssignmentStrategy } from '../assignment-strategy';
import { minBy } from './min-by';

/**
 * The first available person at or after the cursor, going round the pool. Storing nextCursor
 * after each assignment gives everyone an equal turn; someone skipped keeps their place in line
 * only until the rotation passes them.
 */
export const roundRobinStrategy: AssignmentStrategy = {
  choose(candidates, { poolSize, cursor }) {
    const start = ((cursor % poolSize) + poolSize) % poolSize;
    const chosen = minBy(candidates, (c) => [(c.poolIndex - start + poolSize) % poolSize]);
    return { candidate: chosen, why: 'next in the rotation', nextCursor: chosen.poolIndex + 1 };
  },
};
