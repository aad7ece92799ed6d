import { type ApiTestApp, startApiTestApp } from '../support/api-test-app';
import { seedSource, seedTeam, seedUser, type TestUser } from '../support/seed-test-data';

const DAY_MS = 86_400_000;

/** 10:00 UTC on the most recent given weekday (0 = Sunday) at least a day ago. */
function lastWeekdayAt10(weekday: number): Date {
  for (let back = 1; back <= 8; back++) {
    const d = new Date(Date.now() - back * DAY_MS);
    if (d.getUTCDay() === weekday) {
      return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate(), 10));
    }
  }
  throw new Error('unreachable');
}

type Named = { contact: { name: string } };
const names = (body: { items: Named[] }) => body.items.map((l) => l.contact.name);

// The inbox's triage views, counts, sorts and totals over a real database, as each role sees them.
describe('GET /api/v1/leads views, sorts and counts', () => {
  let t: ApiTestApp;
  let admin: TestUser;
  let manager: TestUser;
  let rep: TestUser;
  let otherRep: TestUser;
  const leadIds: Record<string, string> = {};

  beforeAll(async () => {
    t = await startApiTestApp('inbox-views');
    const ds = t.db.dataSource;
    const source = await seedSource(ds);
    admin = await seedUser(ds, 'admin');
    manager = await seedUser(ds, 'manager');
    rep = await seedUser(ds, 'rep', 'Rita Rep');
    otherRep = await seedUser(ds, 'rep', 'Otto Other');
    const sales = await seedTeam(ds, manager.id, [rep.id]);
    const support = await seedTeam(ds, admin.id, [otherRep.id]);
    // The sales team works weekdays 09:00-17:00 UTC; support has no schedule and there is no
    // default, so nothing of support's is ever after hours.
    const weekdays = Object.fromEntries(
      ['mon', 'tue', 'wed', 'thu', 'fri'].map((d) => [d, [{ start: '09:00', end: '17:00' }]]),
    );
    const [schedule] = await ds.query(
      `INSERT INTO schedules (name, time_zone, weekly) VALUES ('Sales hours', 'UTC', $1) RETURNING id`,
      [JSON.stringify(weekdays)],
    );
    await ds.query(`UPDATE teams SET schedule_id = $1 WHERE id = $2`, [schedule.id, sales]);

    const tuesday = lastWeekdayAt10(2);
    const saturday = lastWeekdayAt10(6);
    const leads = [
      // name, team, owner, status, received, SLA due (min from now), qualification, contacted
      ['Hot Breaching', sales, rep.id, 'assigned', tuesday, 5, { score: 80 }, false],
      ['Weekend Walk-in', sales, null, 'routed', saturday, 120, { score: 30 }, false],
      ['Support Late', support, otherRep.id, 'assigned', tuesday, -10, null, false],
      ['Bot Qualified', sales, rep.id, 'assigned', tuesday, 5, { score: 90, spam: true }, true],
      ['Bot Disqualified', sales, rep.id, 'spam', tuesday, 5, null, false],
      ['Already Called', sales, rep.id, 'contacted', tuesday, -60, { score: 55 }, true],
    ] as const;
    for (const [i, [name, team, owner, status, received, due, q, contacted]] of leads.entries()) {
      const [row] = await ds.query(
        `INSERT INTO leads (source_id, name, email, received_at, status, team_id, owner_id,
           assigned_at, sla_due_at, qualification, first_contact_at)
         VALUES ($1, $2, $3, $4::timestamptz + make_interval(secs => $5), $6, $7, $8,
           CASE WHEN $8::uuid IS NULL THEN NULL ELSE $4::timestamptz + interval '1 minute' END,
           now() + make_interval(mins => $9), $10,
           CASE WHEN $11 THEN $4::timestamptz + interval '2 minutes' END)
         RETURNING id`,
        [
          source.id,
          name,
          `lead${i}@example.com`,
          received.toISOString(),
          i,
          status,
          team,
          owner,
          due,
          q === null ? null : JSON.stringify(q),
          contacted,
        ],
      );
      leadIds[name] = row.id;
    }
  });
  afterAll(() => t.close());

  const counts = async (who: TestUser) => {
    const { agent } = await t.signIn(who.email, who.password);
    return (await agent.get('/api/v1/leads/view-counts').expect(200)).body.counts;
  };

  it('counts each view for a rep: their teams, their own, spam apart', async () => {
    expect(await counts(rep)).toEqual({
      all: 3,
      mine: 2,
      team: 3,
      unassigned: 1,
      breaching: 1,
      after_hours: 1,
      spam: 2,
    });
  });

  it("counts a manager's views over the teams they manage, and a rep of another team's over theirs", async () => {
    expect(await counts(manager)).toEqual({
      all: 3,
      mine: 0,
      team: 3,
      unassigned: 1,
      breaching: 1,
      after_hours: 1,
      spam: 2,
    });
    expect(await counts(otherRep)).toEqual({
      all: 1,
      mine: 1,
      team: 1,
      unassigned: 0,
      breaching: 1,
      after_hours: 0,
      spam: 0,
    });
  });

  it('lists a view with its total, and the fields the triage columns need', async () => {
    const { agent } = await t.signIn(manager.email, manager.password);
    const breaching = await agent.get('/api/v1/leads?view=breaching').expect(200);
    expect(names(breaching.body)).toEqual(['Hot Breaching']);
    expect(breaching.body.total).toBe(1);
    expect(breaching.body.items[0]).toMatchObject({
      score: 80,
      qualificationClass: 'hot',
      spam: false,
      slaDueAt: expect.any(String),
    });
    const afterHours = await agent.get('/api/v1/leads?view=after_hours').expect(200);
    expect(names(afterHours.body)).toEqual(['Weekend Walk-in']);
    const unassigned = await agent.get('/api/v1/leads?view=unassigned').expect(200);
    expect(names(unassigned.body)).toEqual(['Weekend Walk-in']);
    const spam = await agent.get('/api/v1/leads?view=spam').expect(200);
    expect(names(spam.body).sort()).toEqual(['Bot Disqualified', 'Bot Qualified']);
    expect(spam.body.items.every((l: { spam: boolean }) => l.spam)).toBe(true);
    const all = await agent.get('/api/v1/leads').expect(200);
    expect(names(all.body)).not.toContain('Bot Qualified');
    expect(all.body.total).toBe(3);
  });

  it('widens breaching by the minutes asked for', async () => {
    const { agent } = await t.signIn(manager.email, manager.password);
    const wide = await agent.get('/api/v1/leads?view=breaching&breachingWithin=180').expect(200);
    expect(names(wide.body).sort()).toEqual(['Hot Breaching', 'Weekend Walk-in']);
    const past = await agent.get('/api/v1/leads?view=breaching&breachingWithin=0').expect(200);
    expect(names(past.body)).toEqual([]);
  });

  it('sorts by SLA due and by score, paging by cursor with the total on every page', async () => {
    const { agent } = await t.signIn(admin.email, admin.password);
    const bySla = await agent.get('/api/v1/leads?sort=sla_due').expect(200);
    expect(names(bySla.body)).toEqual([
      'Already Called',
      'Support Late',
      'Hot Breaching',
      'Weekend Walk-in',
    ]);
    const first = await agent.get('/api/v1/leads?sort=score&limit=2').expect(200);
    expect(names(first.body)).toEqual(['Hot Breaching', 'Already Called']);
    expect(first.body.total).toBe(4);
    const second = await agent
      .get(`/api/v1/leads?sort=score&limit=2&cursor=${first.body.nextCursor}`)
      .expect(200);
    expect(names(second.body)).toEqual(['Weekend Walk-in', 'Support Late']);
    expect(second.body.total).toBe(4);
    expect(second.body.nextCursor).toBeNull();
    // A cursor of one sort is refused by another, naming the field.
    const mixed = await agent
      .get(`/api/v1/leads?sort=received&cursor=${first.body.nextCursor}`)
      .expect(400);
    expect(mixed.body.issues[0].path).toBe('cursor');
  });

  it('refuses unknown views, sorts and windows with 400s naming the field', async () => {
    const { agent } = await t.signIn(rep.email, rep.password);
    for (const [query, field] of [
      ['view=hot', 'view'],
      ['sort=name', 'sort'],
      ['breachingWithin=-1', 'breachingWithin'],
      ['breachingWithin=abc', 'breachingWithin'],
    ] as const) {
      const res = await agent.get(`/api/v1/leads?${query}`).expect(400);
      expect(res.body.issues[0].path).toBe(field);
    }
    const badCounts = await agent.get('/api/v1/leads/view-counts?view=mine').expect(400);
    expect(badCounts.body.message).toContain('view');
  });

  it('leaves spam out of the SLA and completion figures on the dashboard', async () => {
    const { agent } = await t.signIn(admin.email, admin.password);
    const from = new Date(Date.now() - 10 * DAY_MS).toISOString();
    const to = new Date(Date.now() + 60_000).toISOString();
    const res = await agent.get(`/api/v1/metrics/handoff?from=${from}&to=${to}`).expect(200);
    // Four leads that are not spam; three got an owner; one of those was contacted. The spam lead
    // that was assigned and "contacted" counts in none of these.
    expect(res.body.total.leads).toBe(4);
    expect(res.body.total.handoff).toMatchObject({ routed: 3, contacted: 1 });
    const aging = await agent.get('/api/v1/metrics/aging').expect(200);
    expect(aging.body.total.waiting).toBe(3);
  });

  it('refuses bulk bodies it cannot act on with 400s naming the field, and reps bulk-assigning with 403', async () => {
    const { agent, csrf } = await t.signIn(manager.email, manager.password);
    const post = (path: string, body: unknown) =>
      agent
        .post(`/api/v1/leads/bulk/${path}`)
        .set('X-CSRF-Token', csrf)
        .send(body as object);
    const id = leadIds['Hot Breaching'] as string;
    const tooMany = Array.from(
      { length: 101 },
      (_, i) => `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
    );
    for (const [path, body, field, message] of [
      ['assign', { leadIds: [], toUserId: rep.id }, 'leadIds', 'name at least one lead'],
      ['assign', { leadIds: tooMany, toUserId: rep.id }, 'leadIds', 'at most 100 leads at a time'],
      [
        'assign',
        { leadIds: ['nope'], toUserId: rep.id },
        'leadIds.0',
        'each lead id must be a uuid',
      ],
      ['assign', { leadIds: [id, id], toUserId: rep.id }, 'leadIds', 'each lead may appear once'],
      ['assign', { leadIds: [id] }, 'toUserId', undefined],
      ['disqualify', { leadIds: [id], extra: 1 }, '', undefined],
      ['disqualify', 'junk', 'leadIds', undefined],
    ] as const) {
      const res = await post(path, body).expect(400);
      expect(res.body.issues[0].path).toBe(field);
      if (message) expect(res.body.issues[0].message).toBe(message);
    }
    const asRep = await t.signIn(rep.email, rep.password);
    await asRep.agent
      .post('/api/v1/leads/bulk/assign')
      .set('X-CSRF-Token', asRep.csrf)
      .send({ leadIds: [id], toUserId: rep.id })
      .expect(403);
  });

  it('documents the view counts and the bulk routes in the OpenAPI document', async () => {
    const res = await t.http().get('/api/docs-json').expect(200);
    expect(res.body.paths['/api/v1/leads/view-counts'].get).toBeDefined();
    for (const path of ['/api/v1/leads/bulk/assign', '/api/v1/leads/bulk/disqualify']) {
      const op = res.body.paths[path].post;
      expect(Object.keys(op.responses)).toEqual(expect.arrayContaining(['200', '400', '403']));
    }
    const list = res.body.paths['/api/v1/leads'].get;
    expect(list.parameters.map((p: { name: string }) => p.name)).toEqual(
      expect.arrayContaining(['view', 'sort', 'breachingWithin']),
    );
  });
});
