import { type ApiTestApp, startApiTestApp } from '../support/api-test-app';
import { seedUser, type TestUser } from '../support/seed-test-data';

interface Entry {
  id: string;
  action: string;
  entityType: string;
  entityName: string | null;
  actorName: string | null;
  before: unknown;
  after: unknown;
}

describe('GET /api/v1/audit filters and pages', () => {
  let t: ApiTestApp;
  let dana: TestUser;
  let lee: TestUser;
  let sam: TestUser;
  const insert = (
    actorId: string,
    action: string,
    type: string,
    id: string,
    at: string,
    before: object,
    after: object,
  ) =>
    t.db.dataSource.query(
      `INSERT INTO audit_log (actor_id, action, entity_type, entity_id, before, after, at) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [actorId, action, type, id, JSON.stringify(before), JSON.stringify(after), at],
    );
  const list = async (query: string) => {
    const { agent } = await t.signIn(dana.email, dana.password);
    const res = await agent.get(`/api/v1/audit${query}`);
    return res;
  };

  beforeAll(async () => {
    t = await startApiTestApp('audit');
    dana = await seedUser(t.db.dataSource, 'admin', 'Dana');
    lee = await seedUser(t.db.dataSource, 'admin', 'Lee');
    sam = await seedUser(t.db.dataSource, 'rep', 'Sam');
    await insert(
      dana.id,
      'user.update',
      'user',
      sam.id,
      '2026-03-01T10:00:00Z',
      { role: 'rep' },
      { role: 'manager' },
    );
    await insert(
      lee.id,
      'setting.update',
      'setting',
      'averageDealValue',
      '2026-03-02T10:00:00Z',
      { value: 0 },
      { value: 900 },
    );
    await insert(
      dana.id,
      'team.create',
      'team',
      '3f1c1a8e-2b1d-4c1e-9f1a-1b2c3d4e5f60',
      '2026-03-03T10:00:00Z',
      {},
      { name: 'Closers' },
    );
    await insert(
      dana.id,
      'user.update',
      'user',
      sam.id,
      '2026-03-04T10:00:00Z',
      { status: 'available' },
      { status: 'away' },
    );
  });
  afterAll(() => t.close());

  it('names who did it and what it was about, newest first', async () => {
    const res = await list('').then((r) => r.body);
    expect(res.items.map((e: Entry) => [e.actorName, e.action, e.entityName])).toEqual([
      ['Dana', 'user.update', 'Sam'],
      ['Dana', 'team.create', 'Closers'],
      ['Lee', 'setting.update', null],
      ['Dana', 'user.update', 'Sam'],
    ]);
    expect(res.nextBefore).toBeNull();
  });

  it('filters by who, entity type, action and date range, together', async () => {
    const byLee = (await list(`?actorId=${lee.id}`)).body.items as Entry[];
    expect(byLee.map((e) => e.action)).toEqual(['setting.update']);
    const users = (await list('?entityType=user')).body.items as Entry[];
    expect(users).toHaveLength(2);
    const creates = (await list('?action=team.create')).body.items as Entry[];
    expect(creates.map((e) => e.entityName)).toEqual(['Closers']);
    const march2to3 = (await list('?from=2026-03-02T00:00:00Z&to=2026-03-04T00:00:00Z')).body
      .items as Entry[];
    expect(march2to3.map((e) => e.action)).toEqual(['team.create', 'setting.update']);
    const danaUsersBefore4th = (
      await list(`?actorId=${dana.id}&entityType=user&to=2026-03-04T00:00:00%2B00:00`)
    ).body.items as Entry[];
    expect(danaUsersBefore4th.map((e) => e.after)).toEqual([{ role: 'manager' }]);
  });

  it('pages by keyset: no entry twice, none skipped, with filters kept', async () => {
    const first = (await list('?limit=3')).body;
    expect(first.items).toHaveLength(3);
    expect(first.nextBefore).toEqual(Number(first.items[2].id));
    // A change made meanwhile does not shift the next page.
    await insert(lee.id, 'flow.create', 'flow', 'x', '2026-03-05T10:00:00Z', {}, { name: 'New' });
    const second = (await list(`?limit=3&before=${first.nextBefore}`)).body;
    expect(second.items.map((e: Entry) => e.action)).toEqual(['user.update']);
    expect(second.nextBefore).toBeNull();
    const ids = [...first.items, ...second.items].map((e: Entry) => e.id);
    expect(new Set(ids).size).toBe(4);
    const filtered = (await list('?entityType=user&limit=1')).body;
    const next = (await list(`?entityType=user&limit=1&before=${filtered.nextBefore}`)).body;
    expect([filtered.items[0].after, next.items[0].after]).toEqual([
      { status: 'away' },
      { role: 'manager' },
    ]);
  });

  it.each([
    ['actorId', '?actorId=dana', 'actorId'],
    ['a date', '?from=yesterday', 'from'],
    ['a range backwards', '?from=2026-03-04T00:00:00Z&to=2026-03-01T00:00:00Z', 'to'],
    ['an action with spaces', '?action=drop%20table', 'action'],
    ['an entity type', '?entityType=lead', 'entityType'],
    ['a cursor', '?before=-4', 'before'],
    ['an unknown filter', '?colour=red', ''],
  ])('refuses %s with a 400 naming the field', async (_what, query, field) => {
    const res = await list(query);
    expect(res.status).toBe(400);
    if (field) expect(res.body.issues.map((i: { path: string }) => i.path)).toContain(field);
  });

  it('is for admins only', async () => {
    const manager = await seedUser(t.db.dataSource, 'manager');
    const m = await t.signIn(manager.email, manager.password);
    await m.agent.get('/api/v1/audit').expect(403);
  });
});
