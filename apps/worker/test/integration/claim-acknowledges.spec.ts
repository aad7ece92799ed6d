import { WorkflowUpdateFailedError } from '@temporalio/client';
import { expectEventually } from '@baton/testing';
import {
  claimUpdate,
  contactedUpdate,
  handoffStateQuery,
  leadWorkflowId,
} from '@baton/workflows/contract';
import { type EngineFixture, startEngineFixture } from '../support/engine-fixture';
import { assignThenWait, flow } from '../support/flow-graph-builder';
import { recordHistoryIfAsked } from '../support/record-history';

// SLAs in tests are seconds long: 0.05 min = 3 s.
const SECONDS = (s: number) => s / 60;

describe('a claim is an acknowledgement (real Temporal server, real PostgreSQL)', () => {
  let f: EngineFixture;
  beforeAll(async () => {
    f = await startEngineFixture('claim-ack');
  });
  afterAll(() => f.close());

  const handle = (leadId: string) => f.client.workflow.getHandle(leadWorkflowId(leadId));
  const action = (userId: string) => ({ actionId: `${Math.random()}`.slice(2), userId });
  const types = async (leadId: string) => (await f.events(leadId)).map((e) => e.type);
  const alerts = (leadId: string) =>
    f.db.dataSource.query(
      `SELECT user_id, kind, acknowledged_at FROM notifications WHERE lead_id = $1 ORDER BY created_at`,
      [leadId],
    ) as Promise<{ user_id: string; kind: string; acknowledged_at: Date | null }[]>;

  it('records the first claim as acknowledged, withdraws reminders to others, keeps waiting for contact', async () => {
    // Nobody is assigned: reminders go to the manager until a rep claims the lead.
    await f.publish(
      flow()
        .node('start', 'trigger')
        .node('wait', 'wait_for_contact', {
          sla: { minutes: SECONDS(12), mode: 'wall' },
          reminders: [SECONDS(3), SECONDS(8)],
        })
        .node('done', 'end', { outcome: 'contacted' })
        .node('late', 'end', { outcome: 'unhandled' })
        .edge('start', 'next', 'wait')
        .edge('wait', 'contacted', 'done')
        .edge('wait', 'breached', 'late')
        .build(),
    );
    const leadId = await f.sendLead();
    await f.waitForEvent(leadId, 'reminded');
    expect(await alerts(leadId)).toEqual([
      { user_id: f.roster.managerId, kind: 'reminder', acknowledged_at: null },
    ]);

    const sam = f.roster.repIds[1] as string;
    const res = await handle(leadId).executeUpdate(claimUpdate, { args: [action(sam)] });
    expect(res.ownerId).toBe(sam);

    const events = await f.events(leadId);
    const ack = events.find((e) => e.type === 'acknowledged');
    expect(ack?.data).toMatchObject({ via: 'claim', withdrawnAlerts: 1 });
    expect(ack?.data['secondsAfterReceived']).toEqual(expect.any(Number));
    const lead = await f.lead(leadId);
    expect(lead['acknowledged_at']).toBeInstanceOf(Date);
    expect((lead['acknowledged_at'] as Date).toISOString()).toBe(ack?.data['at']);
    // The manager's reminder is withdrawn: Sam has it now.
    const [managerReminder] = await alerts(leadId);
    expect(managerReminder?.acknowledged_at).toBeInstanceOf(Date);

    // endOn contact (the default): the claim does not end the wait; Sam's own reminder still comes.
    const state = await handle(leadId).query(handoffStateQuery);
    expect(state.status).toBe('waiting_for_contact');
    expect(state.acknowledgedBy).toBe(sam);
    await f.waitForEvent(leadId, 'reminded', 2);
    const reminders = (await f.events(leadId)).filter((e) => e.type === 'reminded');
    expect(reminders[1]?.data['recipient']).toBe('Sam Rep');
    expect(
      (await alerts(leadId)).filter((a) => a.user_id === sam && a.kind === 'reminder'),
    ).toHaveLength(1);

    // Claiming it again is refused before it reaches the history.
    const again = await handle(leadId)
      .executeUpdate(claimUpdate, { args: [action(sam)] })
      .catch((err: unknown) => err);
    expect(again).toBeInstanceOf(WorkflowUpdateFailedError);
    expect((again as WorkflowUpdateFailedError).cause?.message).toBe(
      'You already acknowledged this lead',
    );

    await handle(leadId).executeUpdate(contactedUpdate, { args: [action(sam)] });
    await handle(leadId).result();
    await recordHistoryIfAsked(handle(leadId), 'v4-claim-acknowledges-withdraws-reminders');
    expect(await types(leadId)).toEqual([
      'received',
      'reminded',
      'claimed',
      'acknowledged',
      'reminded',
      'contacted',
      'routed',
    ]);
  });

  it('ends a wait with endOn claim when the owner acknowledges, by its success handle', async () => {
    await f.publish(
      flow()
        .node('start', 'trigger')
        .node('pick', 'assign', { strategy: 'round_robin', teamId: f.roster.teamId })
        .node('wait', 'wait_for_contact', {
          sla: { minutes: 30, mode: 'wall' },
          reminders: [],
          endOn: 'claim',
        })
        .node('taken', 'end', { outcome: 'other' })
        .node('late', 'end', { outcome: 'unhandled' })
        .node('nobody', 'end', { outcome: 'unhandled' })
        .edge('start', 'next', 'pick')
        .edge('pick', 'assigned', 'wait')
        .edge('pick', 'nobody', 'nobody')
        .edge('wait', 'contacted', 'taken')
        .edge('wait', 'breached', 'late')
        .build(),
    );
    const leadId = await f.sendLead();
    await f.waitForEvent(leadId, 'assigned');
    const h = handle(leadId);
    await expectEventually(async () =>
      expect((await h.query(handoffStateQuery)).status).toBe('waiting_for_contact'),
    );
    const { ownerId } = await h.query(handoffStateQuery);
    const owner = ownerId as string;

    // The owner "claims" their own lead: that is the explicit acknowledge.
    const res = await h.executeUpdate(claimUpdate, { args: [action(owner)] });
    expect(res.ownerId).toBe(owner);
    await f.waitForEvent(leadId, 'routed');

    const events = await f.events(leadId);
    expect(events.map((e) => e.type)).toEqual(['received', 'assigned', 'acknowledged', 'routed']);
    expect(events[2]?.data).toMatchObject({ via: 'acknowledge', withdrawnAlerts: 0 });
    const state = await h.query(handoffStateQuery);
    expect(state.path.find((p) => p.nodeId === 'wait')?.handle).toBe('contacted');
    expect(state.outcome).toBe('other');
    // Acknowledged is not contacted: the lead is still open and can be marked contacted.
    expect((await f.lead(leadId))['first_contact_at']).toBeNull();
    await h.executeUpdate(contactedUpdate, { args: [action(owner)] });
    await h.result();
    await recordHistoryIfAsked(h, 'v4-wait-ends-on-claim');
    expect((await f.lead(leadId))['status']).toBe('contacted');
  });

  it('stops escalating to others once the owner has acknowledged: only their SLA runs on', async () => {
    await f.publish(
      assignThenWait(f.roster.teamId, { minutes: SECONDS(4) })
        .node('esc', 'escalate', {
          maxRounds: 1,
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
    await f.waitForEvent(leadId, 'assigned');
    const h = handle(leadId);
    const { ownerId } = await h.query(handoffStateQuery);
    await h.executeUpdate(claimUpdate, { args: [action(ownerId as string)] });

    await f.waitForEvent(leadId, 'unhandled');
    // No escalation alert to the manager and no reassignment; the owner's deadlines still count.
    expect(await types(leadId)).toEqual([
      'received',
      'assigned',
      'acknowledged',
      'breached',
      'breached',
      'unhandled',
    ]);
    expect((await f.lead(leadId))['owner_id']).toBe(ownerId);
    expect((await alerts(leadId)).map((a) => a.kind)).toEqual(['unhandled']);
  });
});
