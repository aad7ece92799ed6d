import type {
  ActivityContext,
  ActivityLead,
  ActivityLogger,
  ActivitySecrets,
} from '../activity-context';
import { createGuardedHttpClient } from '../guarded-http-client';
import { secretVariableName } from '../secret-variable';

export interface LoggedLine {
  level: 'info' | 'warn' | 'error';
  message: string;
  attributes?: Record<string, unknown>;
}

export interface TestContextOptions {
  /** Overrides on a plain sample lead. */
  lead?: Partial<ActivityLead>;
  /** By name as `secrets.get` takes it (`crm-key`), not the BATON_SECRET_ variable. */
  secrets?: Record<string, string>;
  /** Tests talk to receivers on 127.0.0.1, so private addresses are allowed unless said. */
  allowPrivateNetworks?: boolean;
  idempotencyKey?: string;
  timeoutMs?: number;
  signal?: AbortSignal;
}

export interface TestContext extends ActivityContext {
  /** Every line the activity logged, in order. */
  logged: LoggedLine[];
}

export const sampleLead = (overrides: Partial<ActivityLead> = {}): ActivityLead => ({
  id: '0190a6c4-7d1e-7000-8000-000000000001',
  name: 'Ada Lovelace',
  email: 'ada@example.com',
  phone: '+44 20 7946 0000',
  company: 'Analytical Engines Ltd',
  message: 'We would like a quote for 40 seats.',
  customFields: {},
  receivedAt: '2026-01-05T09:30:00.000Z',
  source: { name: 'Website form', slug: 'website' },
  qualification: {},
  ownerId: null,
  ...overrides,
});

function createSecrets(values: Record<string, string>): ActivitySecrets {
  return {
    get: (name) => values[name],
    require(name) {
      const value = values[name];
      if (value === undefined || value === '') {
        throw new Error(`secret "${name}" is not set (${secretVariableName(name)})`);
      }
      return value;
    },
  };
}

function createLogger(lines: LoggedLine[]): ActivityLogger {
  const log =
    (level: LoggedLine['level']) => (message: string, attributes?: Record<string, unknown>) => {
      lines.push(attributes ? { level, message, attributes } : { level, message });
    };
  return { info: log('info'), warn: log('warn'), error: log('error') };
}

/**
 * A real ActivityContext for plugin tests: http is @baton/notify's webhook sender (real
 * requests, signing, SSRF guard, timeout), so a test proves what a receiver gets.
 */
export function createTestContext(options: TestContextOptions = {}): TestContext {
  const logged: LoggedLine[] = [];
  const idempotencyKey = options.idempotencyKey ?? 'test-idempotency-key';
  const http = createGuardedHttpClient({
    allowPrivateNetworks: options.allowPrivateNetworks ?? true,
    defaultTimeoutMs: options.timeoutMs ?? 5_000,
    idempotencyKey,
  });
  return {
    lead: sampleLead(options.lead),
    logger: createLogger(logged),
    secrets: createSecrets(options.secrets ?? {}),
    http,
    idempotencyKey,
    signal: options.signal ?? new AbortController().signal,
    logged,
  };
}
