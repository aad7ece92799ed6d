import { proxyActivities } from '@temporalio/workflow';
import type { HandoffActivities } from '../contract/handoff-activities.contract';

// Side effects without a `failed` handle retry with backoff until they succeed (the worker raises
// an alert on the lead's timeline after a few failures, so nothing is stuck silently).
export const activities = proxyActivities<HandoffActivities>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '5 minutes' },
});

// The model can be slow; the activity falls back to the heuristic scorer by itself, so what is
// left to retry is the database, like any other step.
export const qualifyActivities = proxyActivities<Pick<HandoffActivities, 'qualifyLead'>>({
  startToCloseTimeout: '3 minutes',
  retry: { initialInterval: '2 seconds', backoffCoefficient: 2, maximumInterval: '5 minutes' },
});

// Nodes with a `failed` handle give up after a few attempts and let the flow decide.
export const boundedActivities = proxyActivities<Pick<HandoffActivities, 'callWebhook'>>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '2 seconds', backoffCoefficient: 2, maximumAttempts: 3 },
});
