// @ts-check
// What Temporal itself says about a lead's workflow: where it is (the workflow's `state` query)
// and how many attempts each step took (its history for finished activities, its description for
// the ones still retrying), the chaos run's evidence of which steps a fault delayed.
import { Client, Connection } from '@temporalio/client';

/**
 * @typedef {object} StepAttempts
 * @property {string} activity activity type, e.g. notify
 * @property {string | null} stepId the step it ran (from its input), when it names one
 * @property {number} attempts attempts so far (the last one included)
 * @property {'completed' | 'failed' | 'pending'} state
 * @property {string | null} lastFailure
 */

/** @param {{ toString(): string } | number | null | undefined} id */
const key = (id) => (id === null || id === undefined ? '' : id.toString());

/**
 * The step id in an activity's first argument ({ leadId, stepId, ... }), if any.
 * @param {{ payloads?: { data?: Uint8Array | null }[] | null } | null | undefined} input
 */
function stepIdOf(input) {
  const data = input?.payloads?.[0]?.data;
  if (!data) return null;
  try {
    const arg = JSON.parse(Buffer.from(data).toString('utf8'));
    return typeof arg?.stepId === 'string' ? arg.stepId : null;
  } catch {
    return null;
  }
}

/** @typedef {{ status: string, currentNodeId: string | null, ownerId: string | null }} HandoffView */

export class WorkflowInspector {
  /** @param {Client} client @param {Connection} connection */
  constructor(client, connection) {
    this.client = client;
    this.connection = connection;
  }

  /** @param {string} address */
  static async connect(address) {
    const connection = await Connection.connect({ address, connectTimeout: '10 seconds' });
    return new WorkflowInspector(new Client({ connection, namespace: 'default' }), connection);
  }

  async close() {
    await this.connection.close();
  }

  /**
   * The workflow's own view of the lead (the `state` query of workflows/src/handoff).
   * @param {string} leadId
   * @returns {Promise<HandoffView>}
   */
  async state(leadId) {
    return this.client.workflow.getHandle(`lead-${leadId}`).query('state');
  }

  /**
   * Every activity of the lead's workflow (its current run), with its attempts.
   * @param {string} leadId
   * @returns {Promise<StepAttempts[]>}
   */
  async attempts(leadId) {
    const handle = this.client.workflow.getHandle(`lead-${leadId}`);
    const history = await handle.fetchHistory();
    /** @type {Map<string, StepAttempts>} by scheduled event id */
    const scheduled = new Map();
    /** @type {Map<string, StepAttempts>} by activity id, for the pending ones */
    const byActivityId = new Map();
    for (const event of history.events ?? []) {
      const s = event.activityTaskScheduledEventAttributes;
      if (s) {
        /** @type {StepAttempts} */
        const step = {
          activity: s.activityType?.name ?? '?',
          stepId: stepIdOf(s.input),
          attempts: 0,
          state: 'pending',
          lastFailure: null,
        };
        scheduled.set(key(event.eventId), step);
        byActivityId.set(s.activityId ?? '', step);
      }
      const started = event.activityTaskStartedEventAttributes;
      if (started) {
        const step = scheduled.get(key(started.scheduledEventId));
        if (step) {
          step.attempts = started.attempt ?? 1;
          step.lastFailure = started.lastFailure?.message ?? step.lastFailure;
        }
      }
      const completed = event.activityTaskCompletedEventAttributes;
      if (completed) {
        const step = scheduled.get(key(completed.scheduledEventId));
        if (step) step.state = 'completed';
      }
      const failed =
        event.activityTaskFailedEventAttributes ?? event.activityTaskTimedOutEventAttributes;
      if (failed) {
        const step = scheduled.get(key(failed.scheduledEventId));
        if (step) {
          step.state = 'failed';
          step.lastFailure = failed.failure?.message ?? step.lastFailure;
        }
      }
    }
    const description = await handle.describe();
    for (const pending of description.raw.pendingActivities ?? []) {
      const step = byActivityId.get(pending.activityId ?? '');
      if (!step) continue;
      step.attempts = Math.max(step.attempts, pending.attempt ?? 0);
      step.lastFailure = pending.lastFailure?.message ?? step.lastFailure;
    }
    return [...scheduled.values()];
  }
}
