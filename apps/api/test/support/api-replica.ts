import request from 'supertest';
import type TestAgent from 'supertest/lib/agent';
import { createApp } from '../../src/create-app';
import type { ApiTestApp } from './api-test-app';

export interface ApiReplica {
  http: () => TestAgent;
  close(): Promise<void>;
}

/** Another API app on the same database and config, as a second replica behind a balancer. */
export async function startApiReplica(of: ApiTestApp): Promise<ApiReplica> {
  const app = await createApp(of.config);
  await app.init();
  const server = app.getHttpServer();
  return { http: () => request(server), close: () => app.close() };
}
