import { Context } from '@temporalio/activity';
import type {
  ActivityExecuteInput,
  ActivityInboundCallsInterceptor,
  Next,
} from '@temporalio/worker';
import type { DataSource } from '@baton/db';
import { appendLeadEvent } from '../activities/support/lead-events';
import { asActivityError, permanentFailureType } from './permanent-failure';

/** Attempts after which a still-failing step is put on the lead's timeline. */
export const ALERT_AFTER_ATTEMPTS = 3;

/**
 * Shapes a failing step for Temporal and for people. A permanent error is handed to Temporal as
 * non-retryable, so the workflow takes the step's failure path at once instead of retrying for
 * nothing. A step that keeps failing for a passing reason writes an `error` event on its third
 * attempt (once), so a lead never sits delayed without a visible reason while it retries.
 */
export class FailingStepAlertInterceptor implements ActivityInboundCallsInterceptor {
  constructor(private readonly dataSource: DataSource) {}

  async execute(
    input: ActivityExecuteInput,
    next: Next<ActivityInboundCallsInterceptor, 'execute'>,
  ): Promise<unknown> {
    try {
      return await next(input);
    } catch (err) {
      const info = Context.current().info;
      const step = input.args[0] as { leadId?: unknown; stepId?: unknown } | undefined;
      const maxAttempts = info.retryPolicy?.maximumAttempts ?? 0;
      // On the last attempt the workflow writes the failure itself.
      const retriesLeft = maxAttempts <= 0 || info.attempt < maxAttempts;
      if (
        retriesLeft &&
        info.attempt === ALERT_AFTER_ATTEMPTS &&
        permanentFailureType(err) === null &&
        typeof step?.leadId === 'string' &&
        typeof step.stepId === 'string'
      ) {
        await appendLeadEvent(this.dataSource, {
          leadId: step.leadId,
          stepId: `${step.stepId}:failing`,
          type: 'error',
          data: {
            message: `Step ${step.stepId} keeps failing (${info.activityType}, attempt ${info.attempt}); still retrying: ${err instanceof Error ? err.message : String(err)}`,
          },
        }).catch(() => undefined); // the alert must never hide the original failure
      }
      throw asActivityError(err);
    }
  }
}
