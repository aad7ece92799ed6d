import type { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import type TestAgent from 'supertest/lib/agent';
import { createTestDatabase, type TestDatabase } from '@baton/db/testing';
import type { ApiConfig } from '../../src/config/api-config';
import { createApp } from '../../src/create-app';
import { testApiConfig } from './test-env';

export interface ApiTestApp {
  app: NestExpressApplication;
  db: TestDatabase;
  config: ApiConfig;
  http: () => TestAgent;
  /** A signed-in agent (cookies kept) plus the CSRF token for writes. */
  signIn(email: string, password: string): Promise<{ agent: TestAgent; csrf: string }>;
  close(): Promise<void>;
}

/** The real API on a fresh database and the shared Temporal dev server, without a port. */
export async function startApiTestApp(
  label: string,
  env: Record<string, string> = {},
): Promise<ApiTestApp> {
  const db = await createTestDatabase(label);
  const config = testApiConfig(db.url, env);
  const app = await createApp(config);
  await app.init();
  const server = app.getHttpServer();
  return {
    app,
    db,
    config,
    http: () => request(server),
    async signIn(email, password) {
      const agent = request.agent(server);
      const res = await agent.post('/api/v1/auth/login').send({ email, password });
      if (res.status !== 200)
        throw new Error(`sign-in failed: ${res.status} ${JSON.stringify(res.body)}`);
      const cookies = ([] as string[]).concat(res.headers['set-cookie'] ?? []);
      const csrf = cookies.map((c) => /^baton_csrf=([^;]+)/.exec(c)?.[1]).find(Boolean);
      if (!csrf) throw new Error('no CSRF cookie after sign-in');
      return { agent, csrf };
    },
    async close() {
      await app.close();
      await db.drop();
    },
  };
}
