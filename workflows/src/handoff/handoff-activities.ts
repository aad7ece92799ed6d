import { proxyActivities } from '@temporalio/workflow';
import type { HandoffActivities } from '../contract/handoff-activities.contract';

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

// The model can be slow, so an attempt may run for up to two minutes (the activity falls back to
// the heuristic scorer by itself when the model is down or slower than the node's budget).
export const qualifyActivities = proxyActivities<Pick<HandoffActivities, 'qualifyLead'>>({
  startToCloseTimeout: '2 minutes',
  heartbeatTimeout,
  retry: retryForAWhile,
});

// Nodes with a `failed` handle give up after a few attempts and let the flow decide.
export const boundedActivities = proxyActivities<Pick<HandoffActivities, 'callWebhook'>>({
  startToCloseTimeout: '30 seconds',
  heartbeatTimeout,
  retry: { initialInterval: '2 seconds', backoffCoefficient: 2, maximumAttempts: 3 },
});
