import { z } from 'zod';
import { defineNode } from '../../catalogue/define-node';
import { httpUrlSchema } from '../notify/notify.node';

export const webhookConfigSchema = z.object({
  url: httpUrlSchema,
  method: z.enum(['POST', 'PUT', 'PATCH']).default('POST'),
  secretRef: z
    .string()
    .regex(/^[A-Za-z0-9_.-]{1,100}$/, 'a secret reference is a name like crm-signing-key')
    .optional()
    .describe('Name of a stored signing secret (never the secret itself)'),
  timeoutMs: z.number().int().min(1_000).max(60_000).default(10_000),
});
export type WebhookConfig = z.output<typeof webhookConfigSchema>;

export const webhookNode = defineNode({
  type: 'webhook',
  title: 'Webhook',
  description:
    'Calls an external system with the lead (signed, SSRF-guarded, retried); "failed" after the retries.',
  category: 'integration',
  configSchema: webhookConfigSchema,
  defaultConfig: { url: '', method: 'POST', timeoutMs: 10_000 },
  handles: ['ok', 'failed'],
});
