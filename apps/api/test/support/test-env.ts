import { testTemporalAddress, uniqueTaskQueue } from '@baton/testing';
import { loadApiConfig, type ApiConfig } from '../../src/config/api-config';

/** API config for a test: its own database and its own task queue on the shared Temporal server. */
export function testApiConfig(
  databaseUrl: string,
  overrides: Record<string, string> = {},
): ApiConfig {
  return loadApiConfig({
    DATABASE_URL: databaseUrl,
    TEMPORAL_ADDRESS: testTemporalAddress(),
    TEMPORAL_TASK_QUEUE: uniqueTaskQueue('api'),
    NODE_ENV: 'test',
    COOKIE_SECURE: 'false',
    DISPATCH_INTERVAL_MS: '200',
    ...overrides,
  });
}
