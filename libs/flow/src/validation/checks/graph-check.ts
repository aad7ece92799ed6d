import type { GraphContext } from '../graph-context';
import type { GraphProblem } from '../graph-problem';

/** One rule a publishable graph must satisfy; validateGraph runs them all and collects every problem. */
export type GraphCheck = (context: GraphContext) => GraphProblem[];
