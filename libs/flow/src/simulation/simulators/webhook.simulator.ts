import { webhookNode } from '../../nodes/webhook/webhook.node';
import { defineNodeSimulator } from '../node-simulator';

export const webhookSimulator = defineNodeSimulator(webhookNode, ({ config }) => ({
  handle: 'ok',
  reason: `Would ${config.method} the lead to ${config.url}; assumed it answered OK.`,
}));
