import { z } from 'zod';
import { defineNode } from '../../catalogue/define-node';

export const notifyChannels = ['email', 'webhook', 'in_app'] as const;
export const notifyRecipients = ['owner', 'manager', 'team', 'user', 'lead'] as const;

export const httpUrlSchema = z
  .url({ protocol: /^https?$/, error: 'use an http:// or https:// URL' })
  .max(2000);

export const notifyConfigSchema = z
  .object({
    channel: z.enum(notifyChannels),
    to: z
      .enum(notifyRecipients)
      .default('owner')
      .describe('Who receives it; "lead" is an auto-reply'),
    userId: z.string().min(1).optional().describe('The person, when sending to a user'),
    subject: z.string().max(300).optional().describe('Template, e.g. New lead: {{lead.name}}'),
    body: z
      .string()
      .max(20_000)
      .default('')
      .describe('Template with {{lead.name}}-style variables'),
    url: httpUrlSchema.optional().describe('Webhook address, for the webhook channel'),
  })
  .superRefine((config, ctx) => {
    if (config.to === 'user' && !config.userId) {
      ctx.addIssue({ code: 'custom', path: ['userId'], message: 'pick the person to notify' });
    }
    if (config.channel === 'webhook' && !config.url) {
      ctx.addIssue({
        code: 'custom',
        path: ['url'],
        message: 'a webhook notification needs a URL',
      });
    }
    if (config.channel === 'in_app' && config.to === 'lead') {
      ctx.addIssue({
        code: 'custom',
        path: ['to'],
        message: 'a lead cannot receive in-app notifications; use email',
      });
    }
    if (config.channel === 'email' && !config.subject?.trim()) {
      ctx.addIssue({ code: 'custom', path: ['subject'], message: 'an email needs a subject' });
    }
    if (config.channel !== 'webhook' && !config.body.trim()) {
      ctx.addIssue({ code: 'custom', path: ['body'], message: 'write the message body' });
    }
  });
export type NotifyConfig = z.output<typeof notifyConfigSchema>;

export const notifyNode = defineNode({
  type: 'notify',
  title: 'Notify',
  description:
    'Email, webhook or in-app message to the owner, the manager, the team, a person, or the lead (auto-reply); variables are escaped.',
  category: 'messaging',
  configSchema: notifyConfigSchema,
  defaultConfig: { channel: 'in_app', to: 'owner', body: 'New lead: {{lead.name}}' },
  // `failed` is optional: a message that cannot be sent (a rejected address, a refused webhook)
  // goes there when connected, else the lead goes on through `next` with an alert.
  handles: ['next', 'failed'],
  requiredHandles: ['next'],
  references: (config) =>
    config.userId ? [{ kind: 'user', id: config.userId, field: 'userId' }] : [],
});
