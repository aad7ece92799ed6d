import { Client, Connection } from '@temporalio/client';
import { MockActivityEnvironment } from '@temporalio/testing';
import { NativeConnection } from '@temporalio/worker';
import { createTestDatabase, type TestDatabase } from '@baton/db/testing';
import { expectEventually, testTemporalAddress, uniqueTaskQueue } from '@baton/testing';
import {
  contactedUpdate,
  handoffStateQuery,
  LEAD_HANDOFF_WORKFLOW,
  leadWorkflowId,
} from '@baton/workflows/contract';
import { createHandoffActivities } from '../../src/activities/create-handoff-activities';
import { loadWorkerConfig } from '../../src/config/worker-config';
import { type RunningWorker, startWorker } from '../../src/worker';
import { startMailCatcher } from '../support/mail-catcher';
import { createTestPorts } from '../support/test-ports';
import { recordHistoryIfAsked } from '../support/record-history';

async function insertLead(db: TestDatabase): Promise<string> {
  const [source] = await db.dataSource.query(
    `INSERT INTO sources (slug, name, api_key_hash, api_key_prefix) VALUES ('web', 'Web', 'h', 'p') ON CONFLICT (slug) DO UPDATE SET name = 'Web' RETURNING id`,
  );
  const [lead] = await db.dataSource.query(
    `INSERT INTO leads (source_id, name, email, received_at) VALUES ($1, 'Ada', 'ada@example.com', now()) RETURNING id`,
    [source.id],
  );
  return lead.id;
}

async function anyRep(db: TestDatabase): Promise<string> {
  const [rep] = await db.dataSource.query(
    `INSERT INTO users (email, name, role) VALUES ('rep@test.example', 'Rep', 'rep') ON CONFLICT (email) DO UPDATE SET name = 'Rep' RETURNING id`,
  );
  return rep.id;
}

describe('leadHandoff on the real Temporal server', () => {
  let db: TestDatabase;
  let running: RunningWorker;
  let client: Client;
  let nativeConnection: NativeConnection;
  const taskQueue = uniqueTaskQueue('worker');

  beforeAll(async () => {
    db = await createTestDatabase('worker');
    const config = loadWorkerConfig({
      DATABASE_URL: db.url,
      TEMPORAL_ADDRESS: testTemporalAddress(),
      TEMPORAL_TASK_QUEUE: taskQueue,
    });
    nativeConnection = await NativeConnection.connect({ address: config.TEMPORAL_ADDRESS });
    // No workflow cache: every workflow task replays from history, which surfaces non-determinism.
    running = await startWorker(config, {
      dataSource: db.dataSource,
      connection: nativeConnection,
      workerOptions: { maxCachedWorkflows: 0 },
    });
    client = new Client({
      connection: await Connection.connect({ address: config.TEMPORAL_ADDRESS }),
    });
  });

  afterAll(async () => {
    await running.shutdown();
    await nativeConnection.close();
    await client.connection.close();
    await db.drop();
  });

  it('parks a lead whose source has no published flow, with the reason on its timeline', async () => {
    const leadId = await insertLead(db);
    const handle = await client.workflow.start(LEAD_HANDOFF_WORKFLOW, {
      taskQueue,
      workflowId: leadWorkflowId(leadId),
      args: [{ leadId }],
    });
    await expectEventually(async () =>
      expect((await handle.query(handoffStateQuery)).status).toBe('parked'),
    );
    const events = await db.dataSource.query(
      `SELECT type, step_id, actor_type, data->>'message' AS message FROM lead_events WHERE lead_id = $1 ORDER BY id`,
      [leadId],
    );
    expect(events).toEqual([
      { type: 'received', step_id: 'received#1', actor_type: 'system', message: null },
      {
        type: 'error',
        step_id: 'flow#1',
        actor_type: 'system',
        message: expect.stringMatching(/^No published flow handles this source/),
      },
    ]);
    // Still reachable for people: recording contact finishes it.
    await handle.executeUpdate(contactedUpdate, {
      args: [{ actionId: 'a1', userId: await anyRep(db) }],
    });
    await handle.result();
    await recordHistoryIfAsked(handle, 'parked-without-flow-then-contacted');
  });

  it('fails fast, without retrying forever, for a lead that does not exist', async () => {
    const leadId = '00000000-0000-4000-8000-000000000000';
    await expect(
      client.workflow.execute(LEAD_HANDOFF_WORKFLOW, {
        taskQueue,
        workflowId: leadWorkflowId(leadId),
        args: [{ leadId }],
      }),
    ).rejects.toThrow(/Workflow execution failed/);
    const handle = client.workflow.getHandle(leadWorkflowId(leadId));
    const history = await handle.fetchHistory();
    const failed = history.events?.find((e) => e.activityTaskFailedEventAttributes);
    expect(failed?.activityTaskFailedEventAttributes?.failure?.message).toBe(
      `Lead ${leadId} does not exist`,
    );
  });
});

describe('recordEvent activity', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase('record_event');
  });
  afterAll(() => db.drop());

  it('is idempotent per step: a retried step writes no second event', async () => {
    const leadId = await insertLead(db);
    const mail = await startMailCatcher();
    const { recordEvent } = createHandoffActivities(createTestPorts(db.dataSource, mail));
    const env = new MockActivityEnvironment();
    const input = { leadId, stepId: 'received#1', type: 'received' as const, data: { a: 1 } };
    expect(await env.run(recordEvent, input)).toBe(true);
    expect(await env.run(recordEvent, input)).toBe(false);
    const [row] = await db.dataSource.query(
      `SELECT count(*)::int AS n FROM lead_events WHERE lead_id = $1`,
      [leadId],
    );
    expect(row.n).toBe(1);
    await mail.close();
  });
});
