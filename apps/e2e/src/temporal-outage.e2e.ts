import request from 'supertest';
import { createApp, loadApiConfig, sha256 } from '@baton/api';
import { createTestDatabase, type TestDatabase } from '@baton/db/testing';
import { expectEventually, uniqueTaskQueue } from '@baton/testing';
import { installRuntime, loadWorkerConfig, type RunningWorker, startWorker } from '@baton/worker';
import { type DevServer, freePort, startTemporalDevServer } from './support/temporal-dev-server';

describe('intake while Temporal is down', () => {
  let db: TestDatabase;
  let temporal: DevServer | undefined;
  let worker: RunningWorker | undefined;
  let app: Awaited<ReturnType<typeof createApp>> | undefined;

  afterAll(async () => {
    await app?.close();
    await worker?.shutdown();
    await temporal?.stop();
    await db?.drop();
  });

  it('stores and acknowledges every lead, then starts all their workflows once Temporal is back', async () => {
    db = await createTestDatabase('outage');
    const port = await freePort();
    const address = `127.0.0.1:${port}`;
    const taskQueue = uniqueTaskQueue('outage');
    const apiKey = 'bat_outage-test-key-0123456789';
    await db.dataSource.query(
      `INSERT INTO sources (slug, name, api_key_hash, api_key_prefix) VALUES ('site', 'Site', $1, 'bat_out')`,
      [sha256(apiKey)],
    );
    app = await createApp(
      loadApiConfig({
        DATABASE_URL: db.url,
        TEMPORAL_ADDRESS: address,
        TEMPORAL_TASK_QUEUE: taskQueue,
        NODE_ENV: 'test',
        DISPATCH_INTERVAL_MS: '200',
      }),
    );
    await app.init();

    // Nothing listens on `address`: Temporal is "down".
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) {
      const res = await request(app.getHttpServer())
        .post('/api/v1/leads')
        .set('Authorization', `Bearer ${apiKey}`)
        .send({ contact: { name: `Lead ${i}`, email: `lead${i}@example.com` } })
        .expect(202);
      ids.push(res.body.id);
    }
    await expectEventually(async () => {
      const pending: { attempts: number; last_error: string | null }[] = await db.dataSource.query(
        `SELECT attempts, last_error FROM workflow_starts`,
      );
      expect(pending).toHaveLength(5);
      expect(pending.every((p) => p.attempts >= 1 && p.last_error)).toBe(true);
    });

    // Temporal comes back (and a worker with it): every stored lead's workflow runs.
    temporal = await startTemporalDevServer(port);
    installRuntime('WARN');
    worker = await startWorker(
      loadWorkerConfig({
        DATABASE_URL: db.url,
        TEMPORAL_ADDRESS: address,
        TEMPORAL_TASK_QUEUE: taskQueue,
      }),
      {
        dataSource: db.dataSource,
      },
    );
    await expectEventually(
      async () => {
        const received: { lead_id: string }[] = await db.dataSource.query(
          `SELECT lead_id FROM lead_events WHERE type = 'received'`,
        );
        expect(received.map((r) => r.lead_id).sort()).toEqual([...ids].sort());
        expect(await db.dataSource.query(`SELECT 1 FROM workflow_starts`)).toHaveLength(0);
      },
      { timeoutMs: 90_000, intervalMs: 500 },
    );
  }, 180_000);
});
