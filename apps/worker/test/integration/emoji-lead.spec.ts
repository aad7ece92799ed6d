import { contactedUpdate, leadWorkflowId } from '@baton/workflows/contract';
import { type EngineFixture, startEngineFixture } from '../support/engine-fixture';
import { flow } from '../support/flow-graph-builder';

// Astral characters are two UTF-16 units: a summary or subject clipped by units would end in a
// lone surrogate, which PostgreSQL refuses, and the step would fail on every retry.
describe('a lead written in emoji', () => {
  let f: EngineFixture;
  beforeAll(async () => {
    f = await startEngineFixture('emoji-lead');
  });
  afterAll(() => f.close());

  it('is qualified, routed and notified end to end, with every text well-formed', async () => {
    await f.publish(
      flow()
        .node('start', 'trigger')
        .node('score', 'qualify')
        .node('pick', 'assign', { strategy: 'round_robin', teamId: f.roster.teamId })
        .node('mail', 'notify', {
          channel: 'email',
          to: 'owner',
          subject: 'New lead: {{lead.name}} says {{lead.message}}',
          body: '{{lead.message}}',
        })
        .node('tell', 'notify', { channel: 'in_app', to: 'owner', body: '{{lead.message}}' })
        .node('wait', 'wait_for_contact', { sla: { minutes: 30, mode: 'wall' }, reminders: [] })
        .node('done', 'end', { outcome: 'contacted' })
        .node('late', 'end', { outcome: 'unhandled' })
        .node('nobody', 'end', { outcome: 'unhandled' })
        .edge('start', 'next', 'score')
        .edge('score', 'next', 'pick')
        .edge('pick', 'assigned', 'mail')
        .edge('pick', 'nobody', 'nobody')
        .edge('mail', 'next', 'tell')
        .edge('tell', 'next', 'wait')
        .edge('wait', 'contacted', 'done')
        .edge('wait', 'breached', 'late')
        .build(),
    );
    const message = '🔥👩‍👩‍👧‍👦🇩🇪'.repeat(2_000 / 3) + '🔥🔥';
    const name = '😀'.repeat(90);
    const leadId = await f.sendLead({ name, message, company: '🏢'.repeat(90) });
    await f.waitForEvent(leadId, 'notified', 2);

    const events = await f.events(leadId);
    expect(events.map((e) => e.type)).toEqual([
      'received',
      'qualified',
      'assigned',
      'notified',
      'notified',
    ]);
    expect(events.some((e) => e.type === 'error')).toBe(false);
    const qualification = (await f.lead(leadId))['qualification'] as {
      summary: string;
      reasons: string[];
    };
    // Cut between characters: no lone surrogate, and none replaced on the way into the database.
    const intact = (text: string) => text.isWellFormed() && !text.includes('\uFFFD');
    expect(intact(qualification.summary)).toBe(true);
    expect(qualification.summary).toContain('😀');
    for (const reason of qualification.reasons) expect(intact(reason)).toBe(true);

    const [mail] = f.mail.messages();
    expect(mail?.subject?.startsWith(`New lead: ${name}`)).toBe(true);
    expect(mail?.text).toContain(message);
    const [alert] = (await f.db.dataSource.query(
      `SELECT title, body FROM notifications WHERE lead_id = $1`,
      [leadId],
    )) as { title: string; body: string }[];
    expect(intact(alert?.title ?? '')).toBe(true);
    expect(alert?.title.length).toBeLessThanOrEqual(120);
    expect(alert?.body).toBe(message);

    const owner = String((await f.lead(leadId))['owner_id']);
    await f.client.workflow
      .getHandle(leadWorkflowId(leadId))
      .executeUpdate(contactedUpdate, { args: [{ actionId: 'c1', userId: owner }] });
    await f.waitForEvent(leadId, 'contacted');
  });
});
