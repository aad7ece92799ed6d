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

/** How often a running step tells Temporal it is alive (the workflow's heartbeat timeout is 10 s). */
export const HEARTBEAT_EVERY_MS = 3_000;

interface StepRef {
  leadId: string;
  stepId: string;
}

/** The lead and step an activity works on; loading a handoff takes the bare lead id. */
function stepOf(input: ActivityExecuteInput): StepRef | null {
  const [first] = input.args as unknown[];
  if (typeof first === 'string') return { leadId: first, stepId: 'start#1' };
  const step = first as { leadId?: unknown; stepId?: unknown } | undefined;
  return typeof step?.leadId === 'string' && typeof step.stepId === 'string'
    ? { leadId: step.leadId, stepId: step.stepId }
    : null;
}

/**
 * Shapes every step for Temporal and for people:
 * - it heartbeats while the step runs, so an attempt lost with a killed worker is retried after
 *   the 10 s heartbeat timeout, not after the whole start-to-close timeout;
 * - a permanent error goes to Temporal as non-retryable, so the workflow takes the step's failure
 *   path at once instead of retrying for nothing;
 * - a step that keeps failing for a passing reason gets an `error` event from its third failed
 *   attempt on (once per step). When the database itself was the fault that write fails too, so
 *   a step that only succeeds after that writes it then: a delay never goes unexplained.
 */
export class FailingStepAlertInterceptor implements ActivityInboundCallsInterceptor {
  constructor(private readonly dataSource: DataSource) {}

  async execute(
    input: ActivityExecuteInput,
    next: Next<ActivityInboundCallsInterceptor, 'execute'>,
  ): Promise<unknown> {
    const context = Context.current();
    const { attempt, activityType, retryPolicy } = context.info;
    const step = stepOf(input);
    const heartbeat = setInterval(() => context.heartbeat(), HEARTBEAT_EVERY_MS);
    try {
      const result = await next(input);
      if (step && attempt > ALERT_AFTER_ATTEMPTS) {
        await this.alert(
          step,
          `Step ${step.stepId} was delayed: it succeeded on attempt ${attempt} (${activityType}) after ${attempt - 1} failed attempts`,
        );
      }
      return result;
    } catch (err) {
      const maxAttempts = retryPolicy?.maximumAttempts ?? 0;
      // On the last attempt the workflow writes the failure itself.
      const retriesLeft = maxAttempts <= 0 || attempt < maxAttempts;
      if (
        step &&
        retriesLeft &&
        attempt >= ALERT_AFTER_ATTEMPTS &&
        permanentFailureType(err) === null
      ) {
        await this.alert(
          step,
          `Step ${step.stepId} keeps failing (${activityType}, attempt ${attempt}); still retrying: ${err instanceof Error ? err.message : String(err)}`,
        );
      }
      throw asActivityError(err);
    } finally {
      clearInterval(heartbeat);
    }
  }

  /** One `error` event per step (the write is idempotent); it never hides the step's own result. */
  private async alert(step: StepRef, message: string): Promise<void> {
    await appendLeadEvent(this.dataSource, {
      leadId: step.leadId,
      stepId: `${step.stepId}:failing`,
      type: 'error',
      data: { message },
    }).catch(() => undefined);
  }
}
