import { Client, Connection } from '@temporalio/client';
import { NativeConnection, type WorkerOptions } from '@temporalio/worker';
import { createTestDatabase, type TestDatabase } from '@baton/db/testing';
import { type FlowGraph, validateGraph } from '@baton/flow';
import { expectEventually, testTemporalAddress, uniqueTaskQueue } from '@baton/testing';
import {
  LEAD_HANDOFF_WORKFLOW,
  type LeadHandoffInput,
  leadWorkflowId,
} from '@baton/workflows/contract';
import type { ActivityPorts } from '../../src/activities/activity-ports';
import { loadWorkerConfig } from '../../src/config/worker-config';
import { type RunningWorker, startWorker } from '../../src/worker';
import { startMailCatcher, type MailCatcher } from './mail-catcher';
import { recordStartedWorkflowsIfAsked } from './record-history';
import { startWebhookReceiver, type WebhookReceiver } from './webhook-receiver';
import { createTestPorts } from './test-ports';

export interface Roster {
  managerId: string;
  repIds: string[];
  teamId: string;
  scheduleId: string;
  sourceId: string;
}

export interface EngineFixture {
  db: TestDatabase;
  client: Client;
  taskQueue: string;
  roster: Roster;
  mail: MailCatcher;
  webhooks: WebhookReceiver;
  worker: RunningWorker;
  /** Publishes a flow for the fixture's source; new leads pin this version. */
  publish(graph: FlowGraph): Promise<string>;
  /** Stores a lead (as intake would) and starts its workflow. */
  sendLead(
    lead?: Partial<{ name: string; email: string; message: string; company: string }>,
    input?: Partial<LeadHandoffInput>,
  ): Promise<string>;
  events(
    leadId: string,
  ): Promise<{ type: string; step_id: string | null; data: Record<string, unknown> }[]>;
  waitForEvent(leadId: string, type: string, count?: number): Promise<void>;
  lead(leadId: string): Promise<Record<string, unknown>>;
  close(): Promise<void>;
}

const ALWAYS_OPEN = Object.fromEntries(
  ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'].map((d) => [
    d,
    [{ start: '00:00', end: '24:00' }],
  ]),
);

export async function startEngineFixture(
  label: string,
  portOverrides: Partial<ActivityPorts> = {},
  workerOptions: Partial<WorkerOptions> = {},
): Promise<EngineFixture> {
  const db = await createTestDatabase(label);
  const ds = db.dataSource;
  const mail = await startMailCatcher();
  const webhooks = await startWebhookReceiver();
  const roster = await seedRoster(ds);
  const taskQueue = uniqueTaskQueue(label);
  const address = testTemporalAddress();
  const connection = await NativeConnection.connect({ address });
  const config = loadWorkerConfig({
    DATABASE_URL: db.url,
    TEMPORAL_ADDRESS: address,
    TEMPORAL_TASK_QUEUE: taskQueue,
  });
  const worker = await startWorker(config, {
    dataSource: ds,
    connection,
    ports: { ...createTestPorts(ds, mail), ...portOverrides },
    // No workflow cache: every workflow task replays from history, which surfaces non-determinism.
    workerOptions: { maxCachedWorkflows: 0, ...workerOptions },
  });
  const client = new Client({ connection: await Connection.connect({ address }) });
  // Workflow id -> the test that started it, for recording every scenario's history.
  const started = new Map<string, string>();

  const fixture: EngineFixture = {
    db,
    client,
    taskQueue,
    roster,
    mail,
    webhooks,
    worker,
    async publish(graph) {
      const result = validateGraph(graph);
      if (!result.ok)
        throw new Error(`test flow is invalid: ${JSON.stringify(result.problems, null, 2)}`);
      const [f] = await ds.query(
        `INSERT INTO flows (name, draft_graph) VALUES ('test flow', $1) RETURNING id`,
        [JSON.stringify(graph)],
      );
      const [v] = await ds.query(
        `INSERT INTO flow_versions (flow_id, version, graph) VALUES ($1, 1, $2) RETURNING id`,
        [f.id, JSON.stringify(graph)],
      );
      await ds.query(`UPDATE flows SET published_version_id = $2 WHERE id = $1`, [f.id, v.id]);
      await ds.query(`UPDATE sources SET flow_id = $2 WHERE id = $1`, [roster.sourceId, f.id]);
      return v.id as string;
    },
    async sendLead(lead = {}, input = {}) {
      const [row] = await ds.query(
        `INSERT INTO leads (source_id, name, email, company, message, received_at, flow_version_id)
         VALUES ($1, $2, $3, $4, $5, now(), (SELECT published_version_id FROM flows f JOIN sources s ON s.flow_id = f.id WHERE s.id = $1))
         RETURNING id`,
        [
          roster.sourceId,
          lead.name ?? 'Ada Lovelace',
          lead.email ?? 'ada@analytical.example',
          lead.company ?? 'Analytical Engines',
          lead.message ?? 'We need 40 seats, please call today',
        ],
      );
      await client.workflow.start(LEAD_HANDOFF_WORKFLOW, {
        taskQueue,
        workflowId: leadWorkflowId(row.id),
        args: [{ leadId: row.id, ...input }],
      });
      started.set(leadWorkflowId(row.id), expect.getState().currentTestName ?? label);
      return row.id as string;
    },
    events: (leadId) =>
      ds.query(`SELECT type, step_id, data FROM lead_events WHERE lead_id = $1 ORDER BY id`, [
        leadId,
      ]),
    async waitForEvent(leadId, type, count = 1) {
      await expectEventually(
        async () => {
          const events = await fixture.events(leadId);
          const n = events.filter((e) => e.type === type).length;
          if (n < count)
            throw new Error(
              `expected ${count} "${type}" event(s), saw ${n}: ${events.map((e) => e.type).join(', ')}`,
            );
        },
        { timeoutMs: 30_000 },
      );
    },
    async lead(leadId) {
      const [row] = await ds.query(`SELECT * FROM leads WHERE id = $1`, [leadId]);
      return row;
    },
    async close() {
      await recordStartedWorkflowsIfAsked(client, started);
      await worker.shutdown();
      await connection.close();
      await client.connection.close();
      await mail.close();
      await webhooks.close();
      await db.drop();
    },
  };
  return fixture;
}

async function seedRoster(ds: TestDatabase['dataSource']): Promise<Roster> {
  const [schedule] = await ds.query(
    `INSERT INTO schedules (name, time_zone, weekly) VALUES ('always', 'UTC', $1) RETURNING id`,
    [JSON.stringify(ALWAYS_OPEN)],
  );
  const [manager] = await ds.query(
    `INSERT INTO users (email, name, role) VALUES ('maya@test.example', 'Maya Manager', 'manager') RETURNING id`,
  );
  const repIds: string[] = [];
  for (const name of ['Riley', 'Sam', 'Jordan', 'Avery']) {
    const [rep] = await ds.query(
      `INSERT INTO users (email, name, role, schedule_id) VALUES ($1, $2, 'rep', $3) RETURNING id`,
      [`${name.toLowerCase()}@test.example`, `${name} Rep`, schedule.id],
    );
    repIds.push(rep.id);
  }
  const [team] = await ds.query(
    `INSERT INTO teams (name, manager_id, schedule_id) VALUES ('Sales', $1, $2) RETURNING id`,
    [manager.id, schedule.id],
  );
  await ds.query(`INSERT INTO team_members (team_id, user_id) SELECT $1, unnest($2::uuid[])`, [
    team.id,
    repIds,
  ]);
  const [source] = await ds.query(
    `INSERT INTO sources (slug, name, api_key_hash, api_key_prefix) VALUES ('web', 'Website', 'x', 'x') RETURNING id`,
  );
  return {
    managerId: manager.id,
    repIds,
    teamId: team.id,
    scheduleId: schedule.id,
    sourceId: source.id,
  };
}
