import { WorkflowUpdateFailedError } from '@temporalio/client';
import { expectEventually } from '@baton/testing';
import {
  claimUpdate,
  contactedUpdate,
  disqualifyUpdate,
  handoffStateQuery,
  leadWorkflowId,
  noteSignal,
  reassignUpdate,
} from '@baton/workflows/contract';
import { type EngineFixture, startEngineFixture } from '../support/engine-fixture';
import { assignThenWait, flow } from '../support/flow-graph-builder';
import type { CaughtMail } from '../support/mail-catcher';
import { recordHistoryIfAsked } from '../support/record-history';

// SLAs in tests are seconds long: 0.05 min = 3 s.
const SECONDS = (s: number) => s / 60;

describe('the handoff engine on the real Temporal server', () => {
  let f: EngineFixture;
  beforeAll(async () => {
    f = await startEngineFixture('engine');
  });
  afterAll(() => f.close());

  const handle = (leadId: string) => f.client.workflow.getHandle(leadWorkflowId(leadId));
  const action = (userId: string) => ({ actionId: `${Math.random()}`.slice(2), userId });
  const types = async (leadId: string) => (await f.events(leadId)).map((e) => e.type);

  it('qualify → condition → business hours → assign → notify → wait: contacted in time', async () => {
    await f.publish(
      flow()
        .node('start', 'trigger')
        .node('score', 'qualify')
        .node('hot', 'condition', {
          rules: [
            {
              id: 'hot',
              label: 'Hot lead',
              group: {
                mode: 'all',
                clauses: [{ field: 'qualification.score', op: 'gte', value: 50 }],
              },
            },
          ],
        })
        .node('hours', 'business_hours', { scheduleId: f.roster.scheduleId })
        .node('pick', 'assign', { strategy: 'round_robin', teamId: f.roster.teamId })
        .node('tell', 'notify', { channel: 'in_app', to: 'owner', body: 'New lead {{lead.name}}' })
        .node('mail', 'notify', {
          channel: 'email',
          to: 'owner',
          subject: 'New lead: {{lead.name}}',
          body: 'Call {{lead.name}} <{{lead.email}}>',
        })
        .node('wait', 'wait_for_contact', {
          sla: { minutes: SECONDS(20), mode: 'wall' },
          reminders: [],
        })
        .node('done', 'end', { outcome: 'contacted' })
        .node('late', 'end', { outcome: 'unhandled' })
        .node('cold', 'end', { outcome: 'other' })
        .node('closed', 'end', { outcome: 'other' })
        .node('nobody', 'end', { outcome: 'unhandled' })
        .edge('start', 'next', 'score')
        .edge('score', 'next', 'hot')
        .edge('hot', 'hot', 'hours')
        .edge('hot', 'else', 'cold')
        .edge('hours', 'open', 'pick')
        .edge('hours', 'closed', 'closed')
        .edge('pick', 'assigned', 'tell')
        .edge('pick', 'nobody', 'nobody')
        .edge('tell', 'next', 'mail')
        .edge('mail', 'next', 'wait')
        .edge('wait', 'contacted', 'done')
        .edge('wait', 'breached', 'late')
        .build(),
    );
    const leadId = await f.sendLead({ name: 'Ada <script>' });
    await f.waitForEvent(leadId, 'notified', 2);
    const state = await handle(leadId).query(handoffStateQuery);
    expect(state.status).toBe('waiting_for_contact');
    expect(state.currentNodeId).toBe('wait');
    expect(state.deadlines.slaDueAt).not.toBeNull();
    const owner = state.ownerId as string;
    expect(f.roster.repIds).toContain(owner);

    await handle(leadId).executeUpdate(contactedUpdate, { args: [action(owner)] });
    await handle(leadId).result();
    await recordHistoryIfAsked(handle(leadId), 'v1-qualify-route-notify-contacted');

    expect(await types(leadId)).toEqual([
      'received',
      'qualified',
      'routed',
      'routed',
      'assigned',
      'notified',
      'notified',
      'contacted',
      'routed',
    ]);
    const lead = await f.lead(leadId);
    expect(lead['status']).toBe('contacted');
    expect(lead['first_contact_at']).not.toBeNull();
    const events = await f.events(leadId);
    expect(events.find((e) => e.type === 'routed')?.data['handle']).toBe('hot');
    expect(events.find((e) => e.type === 'assigned')?.data['considered']).toHaveLength(4);
    // Lead-provided values are escaped in the HTML part of the email.
    const mail = f.mail.messages().find((m: CaughtMail) => m.subject === 'New lead: Ada <script>');
    expect(mail?.html).toContain('Ada &lt;script&gt;');
  });

  it('reminds, breaches, escalates with reassignment to new people, then parks the lead as unhandled', async () => {
    await f.publish(
      assignThenWait(f.roster.teamId, { minutes: SECONDS(6), reminders: [SECONDS(3)] })
        .node('esc', 'escalate', {
          maxRounds: 2,
          reassign: true,
          notifyManager: true,
          roundSla: { minutes: SECONDS(3), mode: 'wall' },
        })
        .node('after', 'end', { outcome: 'unhandled' })
        .edge('wait', 'breached', 'esc')
        .edge('esc', 'next', 'after')
        .build(),
    );
    const leadId = await f.sendLead();
    await f.waitForEvent(leadId, 'unhandled');
    expect(await types(leadId)).toEqual([
      'received',
      'assigned',
      'reminded',
      'breached',
      'escalated',
      'reassigned',
      'breached',
      'escalated',
      'reassigned',
      'breached',
      'unhandled',
    ]);
    const events = await f.events(leadId);
    const owners = events
      .filter((e) => e.type === 'assigned' || e.type === 'reassigned')
      .map((e) => e.data['ownerId']);
    expect(new Set(owners).size).toBe(3); // never back to someone who already held it
    expect((await f.lead(leadId))['status']).toBe('unhandled');
    const alerts = await f.db.dataSource.query(
      `SELECT kind FROM notifications WHERE lead_id = $1 AND user_id = $2 ORDER BY created_at`,
      [leadId, f.roster.managerId],
    );
    expect(alerts.map((a: { kind: string }) => a.kind)).toEqual([
      'escalation',
      'escalation',
      'unhandled',
    ]);

    // Parked, not dropped: a rep can still record contact afterwards.
    await expectEventually(async () =>
      expect((await handle(leadId).query(handoffStateQuery)).status).toBe('parked'),
    );
    await handle(leadId).executeUpdate(contactedUpdate, { args: [action(owners[2] as string)] });
    await handle(leadId).result();
    await recordHistoryIfAsked(handle(leadId), 'v1-breach-escalate-unhandled-parked');
    expect((await f.lead(leadId))['status']).toBe('contacted');
  });

  it('claims, reassigns, notes and disqualifies through updates and signals', async () => {
    await f.publish(
      assignThenWait(f.roster.teamId, { minutes: 30 })
        .node('late', 'end', { outcome: 'unhandled' })
        .edge('wait', 'breached', 'late')
        .build(),
    );
    const leadId = await f.sendLead();
    await f.waitForEvent(leadId, 'assigned');
    const h = handle(leadId);
    const { ownerId } = await h.query(handoffStateQuery);
    const other = f.roster.repIds.find((id) => id !== ownerId) as string;

    // The manager is not in the routed pool: the update is rejected before it reaches history.
    await expect(
      h.executeUpdate(claimUpdate, { args: [action(f.roster.managerId)] }),
    ).rejects.toThrow(WorkflowUpdateFailedError);
    // Someone else owns it: the database check refuses the claim with the reason.
    await expect(h.executeUpdate(claimUpdate, { args: [action(other)] })).rejects.toThrow(
      WorkflowUpdateFailedError,
    );

    const res = await h.executeUpdate(reassignUpdate, {
      args: [{ ...action(f.roster.managerId), toUserId: other, reason: 'Speaks German' }],
    });
    expect(res.ownerId).toBe(other);
    await h.signal(noteSignal, { ...action(other), text: 'Left a voicemail' });
    await f.waitForEvent(leadId, 'note');
    await h.executeUpdate(disqualifyUpdate, {
      args: [{ ...action(other), reason: 'Student project' }],
    });
    await h.result();

    expect(await types(leadId)).toEqual([
      'received',
      'assigned',
      'reassigned',
      'note',
      'disqualified',
    ]);
    expect((await f.lead(leadId))['status']).toBe('disqualified');
    expect((await f.lead(leadId))['owner_id']).toBe(other);
  });

  it('takes the else, closed and nobody handles, auto-replies to the lead and delays', async () => {
    const closedNow = { timeZone: 'UTC', weekly: {}, holidays: [] };
    const [schedule] = await f.db.dataSource.query(
      `INSERT INTO schedules (name, time_zone, weekly) VALUES ('never', 'UTC', $1) RETURNING id`,
      [JSON.stringify(closedNow.weekly)],
    );
    await f.db.dataSource.query(`UPDATE users SET status = 'away' WHERE id = ANY($1)`, [
      f.roster.repIds,
    ]);
    try {
      await f.publish(
        flow()
          .node('start', 'trigger')
          .node('vip', 'condition', {
            rules: [
              {
                id: 'vip',
                label: 'VIP',
                group: {
                  mode: 'any',
                  clauses: [{ field: 'lead.company', op: 'eq', value: 'Acme' }],
                },
              },
            ],
          })
          .node('hours', 'business_hours', { scheduleId: schedule.id })
          .node('reply', 'notify', {
            channel: 'email',
            to: 'lead',
            subject: 'Thanks {{lead.name}}',
            body: 'We will call you when we open.',
          })
          .node('pause', 'delay', { minutes: SECONDS(3) })
          .node('pick', 'assign', { strategy: 'least_loaded', teamId: f.roster.teamId })
          .node('boss', 'notify', {
            channel: 'in_app',
            to: 'manager',
            body: 'Nobody could take {{lead.name}}',
          })
          .node('end1', 'end', { outcome: 'other' })
          .node('end2', 'end', { outcome: 'other' })
          .node('end3', 'end', { outcome: 'unhandled' })
          .edge('start', 'next', 'vip')
          .edge('vip', 'vip', 'end1')
          .edge('vip', 'else', 'hours')
          .edge('hours', 'open', 'end2')
          .edge('hours', 'closed', 'reply')
          .edge('reply', 'next', 'pause')
          .edge('pause', 'next', 'pick')
          .edge('pick', 'assigned', 'end2')
          .edge('pick', 'nobody', 'boss')
          .edge('boss', 'next', 'end3')
          .build(),
      );
      const leadId = await f.sendLead({
        company: 'Initech',
        email: 'peter@initech.example',
        name: 'Peter',
      });
      await f.waitForEvent(leadId, 'unhandled');
      const events = await f.events(leadId);
      expect(events.map((e) => e.type)).toEqual([
        'received',
        'routed',
        'routed',
        'auto_replied',
        'routed',
        'routed',
        'notified',
        'unhandled',
      ]);
      expect(events[1]?.data['handle']).toBe('else');
      expect(events[2]?.data['handle']).toBe('closed');
      expect(events[5]?.data['reason']).toMatch(/^Nobody available/);
      expect((await f.lead(leadId))['first_response_at']).not.toBeNull();
      expect(
        f.mail
          .messages()
          .some(
            (m: CaughtMail) => m.to === 'peter@initech.example' && m.subject === 'Thanks Peter',
          ),
      ).toBe(true);
    } finally {
      await f.db.dataSource.query(`UPDATE users SET status = 'available' WHERE id = ANY($1)`, [
        f.roster.repIds,
      ]);
    }
  });

  it('follows ok and failed of a webhook step (signed, retried, then failed)', async () => {
    await f.publish(
      flow()
        .node('start', 'trigger')
        .node('crm', 'webhook', { url: `${f.webhooks.url}/ok`, secretRef: 'crm-key' })
        .node('crm2', 'webhook', { url: `${f.webhooks.url}/fail` })
        .node('end1', 'end', { outcome: 'other' })
        .node('end2', 'end', { outcome: 'other' })
        .edge('start', 'next', 'crm')
        .edge('crm', 'ok', 'crm2')
        .edge('crm', 'failed', 'end1')
        .edge('crm2', 'ok', 'end1')
        .edge('crm2', 'failed', 'end2')
        .build(),
    );
    f.webhooks.respondWith('/fail', 500);
    const leadId = await f.sendLead();
    await f.waitForEvent(leadId, 'routed');
    const ok = f.webhooks.requests('/ok');
    expect(ok).toHaveLength(1);
    expect(ok[0]?.headers['x-baton-signature']).toMatch(/^t=\d+,v1=[0-9a-f]{64}$/);
    expect(f.webhooks.requests('/fail')).toHaveLength(3);
    const events = await f.events(leadId);
    expect(events.map((e) => e.type)).toEqual(['received', 'notified', 'error', 'routed']);
    expect(String(events[2]?.data['message'])).toMatch(
      /failed after retries: .*answered 500; the lead went on through "failed"/,
    );
  });

  it('continues as new on long histories and keeps the owner', async () => {
    await f.publish(
      assignThenWait(f.roster.teamId, { minutes: SECONDS(3) })
        .node('nag', 'notify', {
          channel: 'in_app',
          to: 'owner',
          body: 'Still waiting: {{lead.name}}',
        })
        .edge('wait', 'breached', 'nag')
        .edge('nag', 'next', 'wait')
        .build(),
    );
    const leadId = await f.sendLead({}, { historyLimit: 40 });
    const first = await handle(leadId).describe();
    await expectEventually(
      async () => {
        const now = await handle(leadId).describe();
        if (now.runId === first.runId) throw new Error('still on the first run');
      },
      { timeoutMs: 45_000 },
    );
    const state = await handle(leadId).query(handoffStateQuery);
    expect(state.ownerId).not.toBeNull();
    await handle(leadId).executeUpdate(contactedUpdate, {
      args: [action(state.ownerId as string)],
    });
    await handle(leadId).result();
    const visits = (await f.events(leadId))
      .filter((e) => e.type === 'breached')
      .map((e) => e.step_id);
    expect(new Set(visits).size).toBe(visits.length); // step ids stay unique across runs
  });
});
