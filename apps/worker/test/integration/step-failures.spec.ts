import { createEmailSender, createWebhookSender, EmailSendError } from '@baton/notify';
import { contactedUpdate, leadWorkflowId } from '@baton/workflows/contract';
import { type EngineFixture, startEngineFixture } from '../support/engine-fixture';
import { flow } from '../support/flow-graph-builder';
import { type MailCatcher, startMailCatcher } from '../support/mail-catcher';
import { recordHistoryIfAsked } from '../support/record-history';
import {
  type RejectingSmtpServer,
  startRejectingSmtpServer,
} from '../support/rejecting-smtp-server';

// Every step ends in success or a visible, bounded failure path: a permanent error fails the
// step at once (no retries), writes an `error` event, alerts people, and the lead moves on.
describe('steps that fail for good', () => {
  let f: EngineFixture;
  let smtp: RejectingSmtpServer;
  beforeAll(async () => {
    smtp = await startRejectingSmtpServer();
    f = await startEngineFixture('step-failures', {
      email: createEmailSender({ smtpUrl: smtp.url, from: 'Baton <baton@test.example>' }),
      // The production guard: loopback and private addresses are refused.
      webhook: createWebhookSender({ timeoutMs: 2_000, allowPrivateNetworks: false }),
    });
  });
  afterAll(async () => {
    await f.close();
    await smtp.close();
  });

  const types = async (leadId: string) => (await f.events(leadId)).map((e) => e.type);
  const alerts = (leadId: string) =>
    f.db.dataSource.query(
      `SELECT user_id, kind, title, step_id FROM notifications WHERE lead_id = $1 AND kind = 'step_failed' ORDER BY title`,
      [leadId],
    ) as Promise<{ user_id: string; kind: string; title: string; step_id: string }[]>;

  it('a mailbox the SMTP server rejects (550) takes the notify step`s failed path at once', async () => {
    await f.publish(
      flow()
        .node('start', 'trigger')
        .node('pick', 'assign', { strategy: 'round_robin', teamId: f.roster.teamId })
        .node('mail', 'notify', {
          channel: 'email',
          to: 'owner',
          subject: 'New lead: {{lead.name}}',
          body: 'Call {{lead.name}}',
        })
        .node('fallback', 'notify', { channel: 'in_app', to: 'owner', body: 'Call {{lead.name}}' })
        .node('wait', 'wait_for_contact', { sla: { minutes: 30, mode: 'wall' }, reminders: [] })
        .node('done', 'end', { outcome: 'contacted' })
        .node('late', 'end', { outcome: 'unhandled' })
        .node('nobody', 'end', { outcome: 'unhandled' })
        .edge('start', 'next', 'pick')
        .edge('pick', 'assigned', 'mail')
        .edge('pick', 'nobody', 'nobody')
        .edge('mail', 'next', 'wait')
        .edge('mail', 'failed', 'fallback')
        .edge('fallback', 'next', 'wait')
        .edge('wait', 'contacted', 'done')
        .edge('wait', 'breached', 'late')
        .build(),
    );
    const started = Date.now();
    const leadId = await f.sendLead({ name: 'Grace Hopper' });
    // The in-app fallback ran: the failed branch was taken.
    await f.waitForEvent(leadId, 'notified');
    // Not retried: a retry would be a second RCPT after a 1 s backoff, and a "keeps failing" note.
    expect(Date.now() - started).toBeLessThan(20_000);
    expect(smtp.rcptAttempts()).toBe(1);

    const events = await f.events(leadId);
    const error = events.find((e) => e.type === 'error');
    expect(error?.step_id).toBe('mail#1');
    expect(error?.data).toMatchObject({ nodeId: 'mail', permanent: true, handle: 'failed' });
    expect(String(error?.data['message'])).toMatch(/550|mailbox unavailable/);
    expect(events.some((e) => String(e.step_id).endsWith(':failing'))).toBe(false);
    expect(events.find((e) => e.type === 'notified')?.data).toMatchObject({ channel: 'in_app' });

    // The owner and the manager both hear of it, once each.
    const lead = await f.lead(leadId);
    const alerted = await alerts(leadId);
    expect(alerted.map((a) => a.user_id).sort()).toEqual(
      [lead['owner_id'], f.roster.managerId].sort(),
    );
    expect(alerted[0]?.title).toBe('Step "mail" failed: Grace Hopper');

    // The lead is still in the flow, waiting for contact, and can be closed as usual.
    const handle = f.client.workflow.getHandle(leadWorkflowId(leadId));
    await handle.executeUpdate(contactedUpdate, {
      args: [{ actionId: 'c1', userId: String(lead['owner_id']) }],
    });
    await handle.result();
    expect(await types(leadId)).toContain('contacted');
    await recordHistoryIfAsked(handle, 'v2-notify-failed-path-then-contacted');
  });

  it('a webhook the SSRF guard refuses goes on through `next` with an alert, never retried', async () => {
    await f.publish(
      flow()
        .node('start', 'trigger')
        .node('pick', 'assign', { strategy: 'round_robin', teamId: f.roster.teamId })
        .node('hook', 'notify', { channel: 'webhook', url: `${f.webhooks.url}/crm` })
        .node('tell', 'notify', { channel: 'in_app', to: 'owner', body: 'Call {{lead.name}}' })
        .node('done', 'end', { outcome: 'other' })
        .node('nobody', 'end', { outcome: 'unhandled' })
        .edge('start', 'next', 'pick')
        .edge('pick', 'assigned', 'hook')
        .edge('pick', 'nobody', 'nobody')
        .edge('hook', 'next', 'tell')
        .edge('tell', 'next', 'done')
        .build(),
    );
    const leadId = await f.sendLead({ name: 'Katherine Johnson' });
    // Only the in-app step writes `notified`: the webhook step failed before it.
    await f.waitForEvent(leadId, 'notified');

    const events = await f.events(leadId);
    expect(events.find((e) => e.type === 'notified')?.step_id).toBe('tell#1');
    const error = events.find((e) => e.type === 'error' && e.step_id === 'hook#1');
    expect(error?.data).toMatchObject({ nodeId: 'hook', permanent: true, handle: 'next' });
    expect(String(error?.data['message'])).toMatch(/blocked|private|not allowed|refus/i);
    expect(f.webhooks.requests('/crm')).toHaveLength(0);
    expect((await alerts(leadId)).length).toBeGreaterThan(0);
  });
});

// A passing fault is retried, and the lead's timeline says why it is late while it lasts.
describe('a step that fails for a while', () => {
  let f: EngineFixture;
  let mail: MailCatcher;
  let failuresLeft = 3;
  beforeAll(async () => {
    mail = await startMailCatcher();
    const real = createEmailSender({ smtpUrl: mail.url, from: 'Baton <baton@test.example>' });
    f = await startEngineFixture('step-flaky', {
      email: {
        ...real,
        async send(message) {
          if (failuresLeft-- > 0)
            throw new EmailSendError('connection', 'email not sent (connection): ECONNREFUSED', {
              retryable: true,
            });
          return real.send(message);
        },
      },
    });
  });
  afterAll(async () => {
    await f.close();
    await mail.close();
  });

  it('is retried until it succeeds: one `error` event on the third failure, one email', async () => {
    await f.publish(
      flow()
        .node('start', 'trigger')
        .node('pick', 'assign', { strategy: 'round_robin', teamId: f.roster.teamId })
        .node('mail', 'notify', {
          channel: 'email',
          to: 'owner',
          subject: 'New lead: {{lead.name}}',
          body: 'Call {{lead.name}}',
        })
        .node('done', 'end', { outcome: 'other' })
        .node('nobody', 'end', { outcome: 'unhandled' })
        .edge('start', 'next', 'pick')
        .edge('pick', 'assigned', 'mail')
        .edge('pick', 'nobody', 'nobody')
        .edge('mail', 'next', 'done')
        .build(),
    );
    const leadId = await f.sendLead({ name: 'Dorothy Vaughan' });
    await f.waitForEvent(leadId, 'notified');

    const events = await f.events(leadId);
    const errors = events.filter((e) => e.type === 'error');
    expect(errors).toHaveLength(1);
    expect(errors[0]?.step_id).toBe('mail#1:failing');
    expect(String(errors[0]?.data['message'])).toMatch(/keeps failing.*attempt 3.*ECONNREFUSED/);
    expect(mail.messages().filter((m) => m.subject === 'New lead: Dorothy Vaughan')).toHaveLength(
      1,
    );
  });
});
