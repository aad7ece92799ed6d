// @ts-check
// Whether a worker is really taking work: Temporal's own view of a task queue's pollers
// (DescribeTaskQueue). A worker that has printed "polling" may not have reached the server yet;
// once the server lists it for both workflow and activity tasks, a lead started now runs at once.
// @temporalio/client is imported when first used: start.mjs loads this before dependencies exist.

const WORKFLOW = 1; // temporal.api.enums.v1.TaskQueueType.TASK_QUEUE_TYPE_WORKFLOW
const ACTIVITY = 2; // TASK_QUEUE_TYPE_ACTIVITY

/**
 * Identities polling `taskQueue` for both workflow and activity tasks.
 * @param {any} connection a @temporalio/client Connection
 * @param {string} namespace
 * @param {string} taskQueue
 * @returns {Promise<Set<string>>}
 */
export async function pollingIdentities(connection, namespace, taskQueue) {
  const [workflow, activity] = await Promise.all(
    [WORKFLOW, ACTIVITY].map(async (taskQueueType) => {
      const response = await connection.workflowService.describeTaskQueue({
        namespace,
        taskQueue: { name: taskQueue },
        taskQueueType,
      });
      return new Set(
        (response.pollers ?? []).map((/** @type {{ identity?: string }} */ p) => p.identity ?? ''),
      );
    }),
  );
  return new Set([...workflow].filter((identity) => activity.has(identity)));
}

/**
 * Resolves once a poller that `isOurs` accepts polls both kinds of tasks on the queue.
 * @param {object} options
 * @param {string} options.address Temporal frontend host:port
 * @param {string} options.namespace
 * @param {string} options.taskQueue
 * @param {(identity: string) => boolean} options.isOurs which worker we wait for
 * @param {number} options.timeoutMs
 * @param {AbortSignal} [options.signal] stop waiting (resolves to false)
 * @returns {Promise<boolean>} false when it timed out or was aborted
 */
export async function waitForPollers(options) {
  const { Connection } = await import('@temporalio/client');
  const deadline = Date.now() + options.timeoutMs;
  /** @type {any} */
  let connection = null;
  try {
    while (Date.now() < deadline && !options.signal?.aborted) {
      try {
        connection ??= await Connection.connect({ address: options.address, connectTimeout: 2000 });
        const identities = await pollingIdentities(
          connection,
          options.namespace,
          options.taskQueue,
        );
        if ([...identities].some(options.isOurs)) return true;
      } catch {
        // Temporal not answering (yet): try again until the deadline.
      }
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    return false;
  } finally {
    await connection?.close().catch(() => {});
  }
}
