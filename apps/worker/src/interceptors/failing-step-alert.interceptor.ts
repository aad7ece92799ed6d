import { Context } from '@temporalio/activity';
import type {
  ActivityExecuteInput,
  ActivityInboundCallsInterceptor,
  Next,
} from '@temporalio/worker';
import type { DataSource } from '@baton/db';
import { appendLeadEvent } from '../activities/support/lead-events';

/** Attempts after which a still-failing step is put on the lead's timeline. */
export const ALERT_AFTER_ATTEMPTS = 3;

/**
 * Activities without a `failed` handle retry until they succeed. So that a lead never sits stuck
 * without a visible reason, the third failed attempt of such a step writes an `error` event (once).
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
      // Steps with a bounded retry policy end in a `failed` handle the flow handles itself.
      const bounded =
        info.retryPolicy?.maximumAttempts !== undefined && info.retryPolicy.maximumAttempts > 0;
      if (
        !bounded &&
        info.attempt === ALERT_AFTER_ATTEMPTS &&
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
      throw err;
    }
  }
}
