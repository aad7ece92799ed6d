import { randomBytes } from 'node:crypto';
import { Connection } from '@temporalio/client';
import { pollingIdentities, waitForPollers } from './task-queue-pollers.mjs';

// Real Temporal: long polls stand in for a worker, with an identity of our choosing.
function testTemporalAddress(): string {
  const address = process.env['TEMPORAL_ADDRESS'];
  if (!address)
    throw new Error(
      'TEMPORAL_ADDRESS is not set: run the tests with `npm test`, which starts Temporal.',
    );
  return address;
}
/** A task queue of this test's own: pollers listed on it can only be ours. */
const uniqueTaskQueue = (label: string) => `test-${label}-${randomBytes(4).toString('hex')}`;

let connection: Connection;
const polls = new AbortController();

beforeAll(async () => {
  connection = await Connection.connect({ address: testTemporalAddress() });
});
afterAll(async () => {
  polls.abort();
  await connection.close();
});

function poll(kind: 'workflow' | 'activity', taskQueue: string, identity: string): void {
  const request = { namespace: 'default', taskQueue: { name: taskQueue }, identity };
  // A long poll needs a deadline; the server holds it open (and lists the poller) until then.
  connection
    .withAbortSignal(polls.signal, () =>
      connection.withDeadline(Date.now() + 60_000, (): Promise<unknown> =>
        kind === 'workflow'
          ? connection.workflowService.pollWorkflowTaskQueue(request)
          : connection.workflowService.pollActivityTaskQueue(request),
      ),
    )
    .catch(() => undefined); // cancelled at the end
}

it('waits until the server lists our worker polling both workflow and activity tasks', async () => {
  const address = testTemporalAddress();
  const taskQueue = uniqueTaskQueue('pollers');
  const isOurs = (identity: string) => identity === 'ours@test';

  expect(
    await waitForPollers({ address, namespace: 'default', taskQueue, isOurs, timeoutMs: 1000 }),
  ).toBe(false);

  // Someone else's worker, and ours on workflow tasks only: not ready yet.
  poll('workflow', taskQueue, 'theirs@test');
  poll('activity', taskQueue, 'theirs@test');
  poll('workflow', taskQueue, 'ours@test');
  expect(
    await waitForPollers({ address, namespace: 'default', taskQueue, isOurs, timeoutMs: 1500 }),
  ).toBe(false);

  const waiting = waitForPollers({
    address,
    namespace: 'default',
    taskQueue,
    isOurs,
    timeoutMs: 30_000,
  });
  poll('activity', taskQueue, 'ours@test');
  expect(await waiting).toBe(true);
  expect(await pollingIdentities(connection, 'default', taskQueue)).toEqual(
    new Set(['theirs@test', 'ours@test']),
  );
});

it('stops waiting when aborted', async () => {
  const signal = AbortSignal.timeout(300);
  const started = Date.now();
  const result = await waitForPollers({
    address: testTemporalAddress(),
    namespace: 'default',
    taskQueue: uniqueTaskQueue('pollers-abort'),
    isOurs: () => true,
    timeoutMs: 30_000,
    signal,
  });
  expect(result).toBe(false);
  expect(Date.now() - started).toBeLessThan(5000);
});
