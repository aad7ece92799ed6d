import request from 'supertest';
import type TestAgent from 'supertest/lib/agent';
import { hashPassword } from '@baton/api';
import { createDemoFlowGraph } from '@baton/flow';
import { expectEventually } from '@baton/testing';
import { type RunningStack, startStack } from './support/running-stack';
import { publishFlowWithSource } from './support/published-flow';

// People's actions through the HTTP API reach the running workflow and come back in the timeline.
describe('lead actions from the API to the workflow and back', () => {
  let stack: RunningStack;
  const password = 'e2e-password-0123';
  const apiKey = 'bat_actions-e2e-key-0123456789';
  const people: Record<'manager' | 'a' | 'b', { id: string; email: string }> = {} as never;

  const signIn = async (email: string): Promise<{ agent: TestAgent; csrf: string }> => {
    const agent = request.agent(stack.baseUrl);
    const res = await agent.post('/api/v1/auth/login').send({ email, password }).expect(200);
    const csrf = ([] as string[])
      .concat(res.headers['set-cookie'] ?? [])
      .map((c) => /^baton_csrf=([^;]+)/.exec(c)?.[1])
      .find(Boolean) as string;
    return { agent, csrf };
  };

  beforeAll(async () => {
    stack = await startStack('actions');
    const ds = stack.db.dataSource;
    const hash = await hashPassword(password);
    for (const [key, role] of [
      ['manager', 'manager'],
      ['a', 'rep'],
      ['b', 'rep'],
    ] as const) {
      const email = `${key}@actions.example`;
      const [row] = await ds.query(
        `INSERT INTO users (email, name, role, password_hash) VALUES ($1, $2, $3, $4) RETURNING id`,
        [email, `Person ${key}`, role, hash],
      );
      people[key] = { id: row.id, email };
    }
    const always = Object.fromEntries(
      ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'].map((d) => [
        d,
        [{ start: '00:00', end: '24:00' }],
      ]),
    );
    const [schedule] = await ds.query(
      `INSERT INTO schedules (name, time_zone, weekly) VALUES ('always', 'UTC', $1) RETURNING id`,
      [JSON.stringify(always)],
    );
    const [team] = await ds.query(
      `INSERT INTO teams (name, manager_id, schedule_id) VALUES ('Sales', $1, $2) RETURNING id`,
      [people.manager.id, schedule.id],
    );
    await ds.query(`INSERT INTO team_members (team_id, user_id) VALUES ($1, $2), ($1, $3)`, [
      team.id,
      people.a.id,
      people.b.id,
    ]);
    // The demo flow, as `npm start` seeds it: qualify, route, notify, chase.
    const graph = createDemoFlowGraph({ teamId: team.id, scheduleId: schedule.id });
    await publishFlowWithSource(ds, graph, { slug: 'site', apiKey });
  });
  afterAll(() => stack?.stop());

  it('routes a lead by the demo flow, then reassign, note and contacted all land on the timeline', async () => {
    const sent = await request(stack.baseUrl)
      .post('/api/v1/leads')
      .set('Authorization', `Bearer ${apiKey}`)
      .send({
        contact: { name: 'Grace Hopper', email: 'grace@navy.example', company: 'US Navy' },
        message: 'We need 40 seats and a quote today, budget approved $50k',
      })
      .expect(202);
    const leadId: string = sent.body.id;
    const manager = await signIn(people.manager.email);

    const assigned = await expectEventually(
      async () => {
        const lead = await manager.agent.get(`/api/v1/leads/${leadId}`).expect(200);
        expect(lead.body.owner).not.toBeNull();
        return lead.body;
      },
      { timeoutMs: 60_000, intervalMs: 300 },
    );
    const types = assigned.timeline.map((e: { type: string }) => e.type);
    expect(types.slice(0, 2)).toEqual(['received', 'qualified']);
    expect(types).toContain('assigned');

    const other = assigned.owner.id === people.a.id ? people.b : people.a;
    // A teammate cannot claim a lead someone else owns: the workflow refuses with the reason.
    const otherRep = await signIn(other.email);
    const claim = await otherRep.agent
      .post(`/api/v1/leads/${leadId}/claim`)
      .set('X-CSRF-Token', otherRep.csrf)
      .send({})
      .expect(409);
    expect(claim.body.message).toBe('Someone else owns this lead');

    const moved = await manager.agent
      .post(`/api/v1/leads/${leadId}/reassign`)
      .set('X-CSRF-Token', manager.csrf)
      .send({ toUserId: other.id, reason: 'Knows the account' })
      .expect(200);
    expect(moved.body.ownerId).toBe(other.id);

    await otherRep.agent
      .post(`/api/v1/leads/${leadId}/notes`)
      .set('X-CSRF-Token', otherRep.csrf)
      .send({ text: 'Called, left voicemail' })
      .expect(200);
    const done = await otherRep.agent
      .post(`/api/v1/leads/${leadId}/contacted`)
      .set('X-CSRF-Token', otherRep.csrf)
      .set('Idempotency-Key', 'call-1')
      .send({})
      .expect(200);
    expect(done.body.status).not.toBe('finished');
    // The same key again is the same action: no second "contacted" event.
    await otherRep.agent
      .post(`/api/v1/leads/${leadId}/contacted`)
      .set('X-CSRF-Token', otherRep.csrf)
      .set('Idempotency-Key', 'call-1')
      .send({});

    const final = await expectEventually(async () => {
      const lead = await manager.agent.get(`/api/v1/leads/${leadId}`).expect(200);
      expect(lead.body.status).toBe('contacted');
      expect(lead.body.timeline.map((e: { type: string }) => e.type)).toContain('note');
      return lead.body;
    });
    expect(final.firstContactAt).not.toBeNull();
    // The demo flow emailed the owner about the new lead.
    expect(stack.mail.list().some((m) => m.subject?.includes('Grace Hopper'))).toBe(true);
    expect(final.timeline.filter((e: { type: string }) => e.type === 'contacted')).toHaveLength(1);
    const reassigned = final.timeline.find((e: { type: string }) => e.type === 'reassigned');
    expect(reassigned.actor.name).toBe('Person manager');
    expect(reassigned.summary).toBe(
      `Reassigned to Person ${other === people.a ? 'a' : 'b'} (Knows the account)`,
    );
  }, 120_000);
});
