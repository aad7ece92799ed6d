import { type ActivityFailure, TimeoutFailure } from '@temporalio/workflow';
import type { HeuristicBecause } from '../contract/handoff-activities.contract';
import { describeStepFailure } from '../handoff/step-failure';

/**
 * Why the model activity itself failed, in the words the timeline shows after "model busy" or
 * "model down" (the misses it reports itself come with their own words). Busy: the budget ran
 * out, queued behind other leads or at a slow model; down: anything else that kept it from
 * answering (its retries spent on a database error, say).
 */
export function describeModelFailure(err: ActivityFailure, budgetMs: number): HeuristicBecause {
  if (err.cause instanceof TimeoutFailure) {
    return {
      kind: 'model_busy',
      detail: `no answer within the ${budgetMs} ms left of the step's budget (other leads were ahead in the model's queue, or it was slow)`,
    };
  }
  return { kind: 'model_down', detail: describeStepFailure(err).message };
}
