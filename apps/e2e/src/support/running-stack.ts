import { resolve } from 'node:path';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { createTestDatabase, type TestDatabase } from '@baton/db/testing';
import { createSmtpCapture, type SmtpCapture } from '@baton/notify';
import { testTemporalAddress, uniqueTaskQueue } from '@baton/testing';
import { createApp, loadApiConfig } from '@baton/api';
import { installRuntime, loadWorkerConfig, type RunningWorker, startWorker } from '@baton/worker';

export interface RunningStack {
  baseUrl: string;
  db: TestDatabase;
  mail: SmtpCapture;
  stop(): Promise<void>;
}

/**
 * API (serving the built web app) + worker on a fresh database, the way `npm start` runs them.
 * `apiEnv` adds API settings (e.g. BATON_SIGNING_KEY).
 */
export async function startStack(
  label: string,
  apiEnv: Record<string, string> = {},
): Promise<RunningStack> {
  const webDist = resolve(__dirname, '../../../web/dist');
  const db = await createTestDatabase(label);
  const taskQueue = uniqueTaskQueue(label);
  const temporal = testTemporalAddress();
  installRuntime('WARN');
  // Mail the flows send lands in a real SMTP server kept in memory.
  const mail = await createSmtpCapture({ port: 0 });
  const worker: RunningWorker = await startWorker(
    loadWorkerConfig({
      DATABASE_URL: db.url,
      TEMPORAL_ADDRESS: temporal,
      TEMPORAL_TASK_QUEUE: taskQueue,
      SMTP_URL: mail.url,
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
      ...apiEnv,
    }),
  );
  await app.listen(0, '127.0.0.1');
  const address = app.getHttpServer().address();
  if (!address || typeof address === 'string') throw new Error('API did not bind a TCP port');
  return {
    baseUrl: `http://127.0.0.1:${address.port}`,
    db,
    mail,
    async stop() {
      await app.close();
      await worker.shutdown();
      await mail.close();
      await db.drop();
    },
  };
}
