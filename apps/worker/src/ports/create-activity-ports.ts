import type { DataSource } from '@baton/db';
import { createEmailSender, createWebhookSender } from '@baton/notify';
import {
  createOllamaQualifier,
  createQualifier,
  guardAgainstInjection,
  heuristicQualifier,
} from '@baton/qualify';
import type { ActivityPorts } from '../activities/activity-ports';
import type { WorkerConfig } from '../config/worker-config';
import { envSecrets } from './env-secrets';
import type { PluginActivities } from '../plugins/load-plugins';

/** The production wiring of the activities' ports, from the worker's configuration. */
export function createActivityPorts(
  config: WorkerConfig,
  dataSource: DataSource,
  env: NodeJS.ProcessEnv = process.env,
  plugins: PluginActivities = new Map(),
): ActivityPorts {
  const ollama = config.OLLAMA_HOST
    ? { host: config.OLLAMA_HOST, model: config.OLLAMA_MODEL, timeoutMs: config.OLLAMA_TIMEOUT_MS }
    : undefined;
  return {
    dataSource,
    qualifier: createQualifier({ ...(ollama ? { ollama } : {}), fallback: heuristicQualifier }),
    model: ollama ? guardAgainstInjection(createOllamaQualifier(ollama)) : null,
    email: createEmailSender({
      smtpUrl: config.SMTP_URL ?? `smtp://127.0.0.1:${config.SMTP_CAPTURE_PORT}`,
      from: config.SMTP_FROM,
    }),
    webhook: createWebhookSender({
      timeoutMs: config.WEBHOOK_TIMEOUT_MS,
      allowPrivateNetworks: config.WEBHOOK_ALLOW_PRIVATE_NETWORKS,
    }),
    secrets: envSecrets(env),
    plugins,
    pluginHttp: {
      allowPrivateNetworks: config.WEBHOOK_ALLOW_PRIVATE_NETWORKS,
      timeoutMs: config.WEBHOOK_TIMEOUT_MS,
    },
    publicUrl: config.BATON_PUBLIC_URL.replace(/\/$/, ''),
    breachPolicy: {
      flagAfter: config.BREACH_FLAG_AFTER,
      windowDays: config.BREACH_WINDOW_DAYS,
      setAway: config.BREACH_SET_AWAY,
    },
  };
}
