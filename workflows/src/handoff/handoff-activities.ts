import { proxyActivities, workflowInfo } from '@temporalio/workflow';
import type { HandoffActivities, ModelActivities } from '../contract/handoff-activities.contract';
import { modelTaskQueueFor } from '../contract/handoff.contract';

// Every step is bounded. A permanent error (the worker marks it non-retryable: a rejected
// address, a refused webhook, data the database will never take) fails at once; anything else is
// retried with backoff for about 20 minutes, long enough to ride out a database restart or an
// SMTP outage, with an alert on the lead's timeline from the third attempt. Then walkFlow writes
// the error and takes the step's failure path.
const retryForAWhile = {
  initialInterval: '1 second',
  backoffCoefficient: 2,
  maximumInterval: '2 minutes',
  maximumAttempts: 15,
} as const;

// The worker heartbeats every running step (every 3 s), so an attempt lost with a killed worker
// is retried after the heartbeat timeout instead of the whole start-to-close timeout.
const heartbeatTimeout = '10 seconds';

export const activities = proxyActivities<HandoffActivities>({
  startToCloseTimeout: '30 seconds',
  heartbeatTimeout,
  retry: retryForAWhile,
});

// Before the model had its own queue (patch `qualify-model-queue`), one activity asked the model
// and fell back by itself; an attempt could run for two minutes.
export const qualifyActivities = proxyActivities<Pick<HandoffActivities, 'qualifyLead'>>({
  startToCloseTimeout: '2 minutes',
  heartbeatTimeout,
  retry: retryForAWhile,
});

// Nodes with a `failed` handle give up after a few attempts and let the flow decide.
export const boundedActivities = proxyActivities<
  Pick<HandoffActivities, 'callWebhook' | 'bookMeeting' | 'runCustomActivity'>
>({
  startToCloseTimeout: '30 seconds',
  heartbeatTimeout,
  retry: { initialInterval: '2 seconds', backoffCoefficient: 2, maximumAttempts: 3 },
});

/**
 * The model activity on the model task queue, bounded as a whole by what is left of the qualify
 * step's budget: time spent queued behind other leads counts, so a burst cannot keep a lead
 * waiting longer than its flow allows. Retries only cover a lost worker or a database blip; the
 * activity itself says when asking again is pointless.
 */
export const modelActivities = (budgetMs: number) =>
  proxyActivities<ModelActivities>({
    taskQueue: modelTaskQueueFor(workflowInfo().taskQueue),
    scheduleToCloseTimeout: budgetMs,
    heartbeatTimeout,
    retry: { initialInterval: '500 milliseconds', backoffCoefficient: 2 },
  });
