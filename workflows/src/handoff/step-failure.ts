import { ActivityFailure, ApplicationFailure, type TemporalFailure } from '@temporalio/workflow';

export interface StepFailure {
  /** The innermost reason, for the timeline: "email not sent (rejected): 550 no such user". */
  message: string;
  /** True when the activity said retrying cannot help; false when its retries ran out. */
  permanent: boolean;
}

/** What an activity that failed for good says about why. */
export function describeStepFailure(err: ActivityFailure): StepFailure {
  let inner: TemporalFailure | Error = err;
  while (inner.cause instanceof Error) inner = inner.cause;
  const app = err.cause instanceof ApplicationFailure ? err.cause : undefined;
  return {
    message: inner.message || err.message,
    permanent: app?.nonRetryable === true,
  };
}

export const isActivityFailure = (err: unknown): err is ActivityFailure =>
  err instanceof ActivityFailure;
