import type { AssignmentStrategy } from '../assignment-strategy';

/** The pool is the one named person; they get it when available. */
export const specificUserStrategy: AssignmentStrategy = {
  choose([only]) {
    return { candidate: only, why: 'the person this step names' };
  },
};
