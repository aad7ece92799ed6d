import { type ChildProcess, spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { contactedUpdate, handoffStateQuery, leadWorkflowId } from '@baton/workflows/contract';
import { expectEventually, testTemporalAddress } from '@baton/testing';
import { loadWorkerConfig } from '../../src/config/worker-config';
import { startWorker } from '../../src/worker';
import { type EngineFixture, startEngineFixture } from '../support/engine-fixture';
import { createTestPorts } from '../support/test-ports';
import { assignThenWait } from '../support/flow-graph-builder';

const root = resolve(__dirname, '../../../..');

/** A worker in its own process, as production runs it, so it can be killed for real. */
function spawnWorker(databaseUrl: string, taskQueue: string): ChildProcess {
  return spawn(process.execPath, ['-r', '@swc-node/register', 'apps/worker/src/main.ts'], {
    cwd: root,
    env: {
      ...process.env,
      SWC_NODE_PROJECT: 'tsconfig.base.json',
      DATABASE_URL: databaseUrl,
      TEMPORAL_ADDRESS: testTemporalAddress(),
      TEMPORAL_TASK_QUEUE: taskQueue,
      LOG_LEVEL: 'WARN',
      SMTP_URL: 'smtp://127.0.0.1:1',
    },
    stdio: 'ignore',
  });
}

describe('a worker killed mid-flight', () => {
  let f: EngineFixture;
  let child: ChildProcess | undefined;
  beforeAll(async () => {
    // The in-process worker of the fixture is stopped first, so only the child polls at the start.
    f = await startEngineFixture('crash');
    await f.worker.shutdown();
  });
  afterAll(async () => {
    child?.kill('SIGKILL');
    await f.close();
  });

  it('is finished by another worker, without repeating completed steps', async () => {
    await f.publish(
      assignThenWait(f.roster.teamId, { minutes: 60 })
        .node('late', 'end', { outcome: 'unhandled' })
        .edge('wait', 'breached', 'late')
        .build(),
    );
    child = spawnWorker(f.db.url, f.taskQueue);
    const leadId = await f.sendLead();
    await f.waitForEvent(leadId, 'assigned');
    child.kill('SIGKILL');
    await new Promise((r) => child?.once('exit', r));

    const replacement = await startWorker(
      loadWorkerConfig({
        DATABASE_URL: f.db.url,
        TEMPORAL_ADDRESS: testTemporalAddress(),
        TEMPORAL_TASK_QUEUE: f.taskQueue,
      }),
      { dataSource: f.db.dataSource, ports: createTestPorts(f.db.dataSource, f.mail) },
    );
    try {
      const handle = f.client.workflow.getHandle(leadWorkflowId(leadId));
      const state = await expectEventually(() => handle.query(handoffStateQuery), {
        timeoutMs: 30_000,
      });
      await handle.executeUpdate(contactedUpdate, {
        args: [{ actionId: 'after-crash', userId: state.ownerId as string }],
      });
      await handle.result();
      expect((await f.events(leadId)).map((e) => e.type)).toEqual([
        'received',
        'assigned',
        'contacted',
        'routed',
      ]);
    } finally {
      await replacement.shutdown();
    }
  }, 120_000);
});
