import { type ApiTestApp, startApiTestApp } from '../support/api-test-app';
import { seedSource, seedTeam, seedUser, type TestUser } from '../support/seed-test-data';

type Who =
  'admin' | 'teamManager' | 'memberManager' | 'otherManager' | 'owner' | 'teammate' | 'outsider';
type Action = 'claim' | 'contacted' | 'notes' | 'disqualify' | 'reassign';

const bodies: Record<Action, object> = {
  claim: {},
  contacted: {},
  notes: { text: 'Left a voicemail' },
  disqualify: { reason: 'Student project' },
  reassign: { toUserId: null, reason: 'Out sick' },
};

// ✓ = allowed by the access rules (then the lead has no workflow here, so 503);  ✗ = 403.
const matrix: Record<Who, Record<Action, boolean>> = {
  admin: { claim: true, contacted: true, notes: true, disqualify: true, reassign: true },
  teamManager: { claim: true, contacted: true, notes: true, disqualify: true, reassign: true },
  // A manager who is a member of the lead's team (not its manager): their team's lead all the same.
  memberManager: { claim: true, contacted: true, notes: true, disqualify: true, reassign: true },
  otherManager: {
    claim: false,
    contacted: false,
    notes: false,
    disqualify: false,
    reassign: false,
  },
  owner: { claim: true, contacted: true, notes: true, disqualify: true, reassign: false },
  teammate: { claim: true, contacted: true, notes: true, disqualify: false, reassign: false },
  outsider: { claim: false, contacted: false, notes: false, disqualify: false, reassign: false },
};

describe('who may act on a lead', () => {
  let t: ApiTestApp;
  let people: Record<Who, TestUser>;
  let leadId: string;

  beforeAll(async () => {
    t = await startApiTestApp('access');
    const ds = t.db.dataSource;
    people = {
      admin: await seedUser(ds, 'admin'),
      teamManager: await seedUser(ds, 'manager'),
      memberManager: await seedUser(ds, 'manager'),
      otherManager: await seedUser(ds, 'manager'),
      owner: await seedUser(ds, 'rep'),
      teammate: await seedUser(ds, 'rep'),
      outsider: await seedUser(ds, 'rep'),
    };
    const team = await seedTeam(ds, people.teamManager.id, [
      people.owner.id,
      people.teammate.id,
      people.memberManager.id,
    ]);
    await seedTeam(ds, people.otherManager.id, [people.outsider.id]);
    const source = await seedSource(ds);
    const [lead] = await ds.query(
      `INSERT INTO leads (source_id, name, email, received_at, owner_id, team_id, status) VALUES ($1, 'Ada', 'ada@example.com', now(), $2, $3, 'assigned') RETURNING id`,
      [source.id, people.owner.id, team],
    );
    leadId = lead.id;
  });
  afterAll(() => t.close());

  const cells = (Object.keys(matrix) as Who[]).flatMap((who) =>
    (Object.keys(bodies) as Action[]).map((action) => [who, action, matrix[who][action]] as const),
  );

  it.each(cells)('%s → %s: allowed=%s', async (who, action, allowed) => {
    const { agent, csrf } = await t.signIn(people[who].email, people[who].password);
    const res = await agent
      .post(`/api/v1/leads/${leadId}/${action}`)
      .set('X-CSRF-Token', csrf)
      .send(bodies[action]);
    if (allowed) {
      expect(res.status).toBe(503);
      expect(res.body.message).toBe(
        "This lead's workflow has not started yet; try again in a moment",
      );
    } else {
      expect(res.status).toBe(403);
      expect(res.body.message).toEqual(expect.any(String));
    }
  });

  it('hides other teams’ leads from a rep, in the list and the detail', async () => {
    const outsider = await t.signIn(people.outsider.email, people.outsider.password);
    const list = await outsider.agent.get('/api/v1/leads').expect(200);
    expect(list.body.items.map((l: { id: string }) => l.id)).not.toContain(leadId);
    await outsider.agent.get(`/api/v1/leads/${leadId}`).expect(403);
    const teammate = await t.signIn(people.teammate.email, people.teammate.password);
    const theirs = await teammate.agent.get('/api/v1/leads').expect(200);
    expect(theirs.body.items.map((l: { id: string }) => l.id)).toContain(leadId);
  });

  it('filters by owner=me, unassigned and breaching', async () => {
    const owner = await t.signIn(people.owner.email, people.owner.password);
    const mine = await owner.agent.get('/api/v1/leads?owner=me').expect(200);
    expect(mine.body.items.map((l: { id: string }) => l.id)).toEqual([leadId]);
    const admin = await t.signIn(people.admin.email, people.admin.password);
    expect(
      (await admin.agent.get('/api/v1/leads?unassigned=true').expect(200)).body.items,
    ).toHaveLength(0);
    await t.db.dataSource.query(
      `UPDATE leads SET sla_due_at = now() - interval '1 minute' WHERE id = $1`,
      [leadId],
    );
    expect(
      (await admin.agent.get('/api/v1/leads?breaching=true').expect(200)).body.items.map(
        (l: { id: string }) => l.id,
      ),
    ).toEqual([leadId]);
    const bad = await admin.agent.get('/api/v1/leads?breaching=maybe').expect(400);
    expect(bad.body.issues[0].path).toBe('breaching');
  });

  it('rejects a malformed Idempotency-Key and an unknown body field with 400', async () => {
    const { agent, csrf } = await t.signIn(people.owner.email, people.owner.password);
    const key = await agent
      .post(`/api/v1/leads/${leadId}/contacted`)
      .set('X-CSRF-Token', csrf)
      .set('Idempotency-Key', 'has spaces')
      .send({});
    expect(key.status).toBe(400);
    expect(key.body.issues[0].path).toBe('Idempotency-Key');
    const body = await agent
      .post(`/api/v1/leads/${leadId}/notes`)
      .set('X-CSRF-Token', csrf)
      .send({ text: 'x', extra: 1 });
    expect(body.status).toBe(400);
  });
});
