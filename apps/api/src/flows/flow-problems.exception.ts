import { UnprocessableEntityException } from '@nestjs/common';
import type { GraphProblem } from '@baton/flow';

/** Where a problem is, as an ApiError issue path: the node or edge id, then the config field. */
export const problemPath = (p: GraphProblem): string =>
  [p.nodeId ?? p.edgeId, p.field].filter((part) => part !== undefined && part !== '').join('.');

/** 422: the draft cannot be published. Carries the full problem list for the canvas. */
export class FlowProblemsException extends UnprocessableEntityException {
  constructor(readonly problems: GraphProblem[]) {
    super({
      error: 'Unprocessable Entity',
      message: `The flow has ${problems.length} ${problems.length === 1 ? 'problem' : 'problems'}`,
      issues: problems.map((p) => ({ path: problemPath(p), message: p.message })),
      problems,
    });
  }
}
