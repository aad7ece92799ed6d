import { z } from 'zod';
import { HANDOFF_TASK_QUEUE_DEFAULT } from '@baton/workflows/contract';

const workerEnvSchema = z.object({
  DATABASE_URL: z.string().min(1, 'DATABASE_URL is required (postgres://user:pass@host:5432/db)'),
  TEMPORAL_ADDRESS: z.string().min(1).default('127.0.0.1:7233'),
  TEMPORAL_NAMESPACE: z.string().min(1).default('default'),
  TEMPORAL_TASK_QUEUE: z.string().min(1).default(HANDOFF_TASK_QUEUE_DEFAULT),
  /** Prebuilt workflow bundle (production); when absent the worker bundles workflows/ at start. */
  WORKFLOW_BUNDLE_PATH: z.string().optional(),
  OLLAMA_HOST: z.string().url().optional(),
  OLLAMA_MODEL: z.string().min(1).default('llama3.2:3b'),
  OLLAMA_TIMEOUT_MS: z.coerce.number().int().positive().default(15_000),
  /**
   * Model calls this worker runs at once (set it to what Ollama serves in parallel,
   * OLLAMA_NUM_PARALLEL); further leads queue on the model task queue within their budget.
   */
  OLLAMA_PARALLEL: z.coerce.number().int().positive().default(1),
  /** Unset: the API's local SMTP capture (npm start), so no mail leaves the machine. */
  SMTP_URL: z.string().optional(),
  SMTP_CAPTURE_PORT: z.coerce.number().int().positive().default(2525),
  SMTP_FROM: z.string().min(3).default('Baton <baton@localhost>'),
  /** On-prem receivers inside the network need this; off by default (SSRF guard). */
  WEBHOOK_ALLOW_PRIVATE_NETWORKS: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true'),
  /** Plugins with custom activities: comma-separated npm package names or folder paths. */
  BATON_PLUGINS: z.string().optional(),
  WEBHOOK_TIMEOUT_MS: z.coerce.number().int().positive().default(10_000),
  BATON_PUBLIC_URL: z.string().url().default('http://localhost:3000'),
  BREACH_FLAG_AFTER: z.coerce.number().int().positive().default(3),
  BREACH_WINDOW_DAYS: z.coerce.number().int().positive().default(7),
  BREACH_SET_AWAY: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true'),
  LOG_LEVEL: z.enum(['TRACE', 'DEBUG', 'INFO', 'WARN', 'ERROR']).default('INFO'),
  WORKER_MAX_CONCURRENT_ACTIVITIES: z.coerce.number().int().positive().default(50),
  // Enough that a burst of steps queues briefly for a connection, within the 10 s acquire bound.
  DATABASE_POOL_SIZE: z.coerce.number().int().positive().default(20),
});

export type WorkerConfig = z.infer<typeof workerEnvSchema>;

export function loadWorkerConfig(env: NodeJS.ProcessEnv = process.env): WorkerConfig {
  const parsed = workerEnvSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid worker configuration:\n${lines.join('\n')}`);
  }
  return parsed.data;
}
