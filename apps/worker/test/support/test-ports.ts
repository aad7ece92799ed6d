import type { DataSource } from '@baton/db';
import { createEmailSender, createWebhookSender } from '@baton/notify';
import { createQualifier, heuristicQualifier } from '@baton/qualify';
import type { ActivityPorts } from '../../src/activities/activity-ports';
import type { MailCatcher } from './mail-catcher';

/**
 * The real ports against local servers: heuristic qualification (no model runs here), SMTP to
 * the in-process catcher, webhooks to 127.0.0.1 (private networks allowed for tests only).
 */
export function createTestPorts(dataSource: DataSource, mail: MailCatcher): ActivityPorts {
  return {
    dataSource,
    qualifier: createQualifier({ fallback: heuristicQualifier }),
    model: null,
    email: createEmailSender({ smtpUrl: mail.url, from: 'Baton <baton@test.example>' }),
    webhook: createWebhookSender({ timeoutMs: 5_000, allowPrivateNetworks: true }),
    secrets: (name) => (name === 'crm-key' ? 'test-signing-secret' : undefined),
    publicUrl: 'http://localhost:3000',
    breachPolicy: { flagAfter: 3, windowDays: 7, setAway: false },
  };
}
