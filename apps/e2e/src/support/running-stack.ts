import { resolve } from 'node:path';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { createTestDatabase, type TestDatabase } from '@baton/db/testing';
import { testTemporalAddress, uniqueTaskQueue } from '@baton/testing';
import { createApp, loadApiConfig } from '@baton/api';
import { installRuntime, loadWorkerConfig, type RunningWorker, startWorker } from '@baton/worker';

export interface RunningStack {
  baseUrl: string;
  db: TestDatabase;
  stop(): Promise<void>;
}

/** API (serving the built web app) + worker on a fresh database, the way `npm start` runs them. */
export async function startStack(label: string): Promise<RunningStack> {
  const webDist = resolve(__dirname, '../../../web/dist');
  const db = await createTestDatabase(label);
  const taskQueue = uniqueTaskQueue(label);
  const temporal = testTemporalAddress();
  installRuntime('WARN');
  const worker: RunningWorker = await startWorker(
    loadWorkerConfig({
      DATABASE_URL: db.url,
      TEMPORAL_ADDRESS: temporal,
      TEMPORAL_TASK_QUEUE: taskQueue,
    }),
  );
  const app: NestExpressApplication = await createApp(
    loadApiConfig({
      DATABASE_URL: db.url,
      TEMPORAL_ADDRESS: temporal,
      TEMPORAL_TASK_QUEUE: taskQueue,
      WEB_DIST: webDist,
      NODE_ENV: 'test',
      COOKIE_SECURE: 'false',
      DISPATCH_INTERVAL_MS: '200',
    }),
  );
  await app.listen(0, '127.0.0.1');
  const address = app.getHttpServer().address();
  if (!address || typeof address === 'string') throw new Error('API did not bind a TCP port');
  return {
    baseUrl: `http://127.0.0.1:${address.port}`,
    db,
    async stop() {
      await app.close();
      await worker.shutdown();
      await db.drop();
    },
  };
}
