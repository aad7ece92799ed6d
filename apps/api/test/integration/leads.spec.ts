import { type ApiTestApp, startApiTestApp } from '../support/api-test-app';
import { seedSource, seedUser, type TestSource, type TestUser } from '../support/seed-test-data';

describe('GET /api/v1/leads', () => {
  let t: ApiTestApp;
  let source: TestSource;
  let manager: TestUser;

  beforeAll(async () => {
    t = await startApiTestApp('leads');
    source = await seedSource(t.db.dataSource);
    manager = await seedUser(t.db.dataSource, 'manager');
    const names = [
      'Alan Turing',
      'Barbara Liskov',
      'Claude Shannon',
      'Donald Knuth',
      'Edsger Dijkstra',
    ];
    for (const [i, name] of names.entries()) {
      await t.db.dataSource.query(
        `INSERT INTO leads (source_id, name, email, received_at, status) VALUES ($1, $2, $3, now() - make_interval(mins => $4), $5)`,
        [
          source.id,
          name,
          `${name.split(' ').join('.').toLowerCase()}@example.com`,
          i,
          i === 2 ? 'contacted' : 'new',
        ],
      );
    }
  });
  afterAll(() => t.close());

  it('pages newest first with a cursor, without gaps or repeats', async () => {
    const { agent } = await t.signIn(manager.email, manager.password);
    const first = await agent.get('/api/v1/leads?limit=2').expect(200);
    expect(first.body.items.map((l: { contact: { name: string } }) => l.contact.name)).toEqual([
      'Alan Turing',
      'Barbara Liskov',
    ]);
    const second = await agent
      .get(`/api/v1/leads?limit=2&cursor=${first.body.nextCursor}`)
      .expect(200);
    const third = await agent
      .get(`/api/v1/leads?limit=2&cursor=${second.body.nextCursor}`)
      .expect(200);
    expect(
      [...second.body.items, ...third.body.items].map(
        (l: { contact: { name: string } }) => l.contact.name,
      ),
    ).toEqual(['Claude Shannon', 'Donald Knuth', 'Edsger Dijkstra']);
    expect(third.body.nextCursor).toBeNull();
  });

  it('filters by status and searches name, email and company', async () => {
    const { agent } = await t.signIn(manager.email, manager.password);
    const contacted = await agent.get('/api/v1/leads?status=contacted').expect(200);
    expect(contacted.body.items.map((l: { contact: { name: string } }) => l.contact.name)).toEqual([
      'Claude Shannon',
    ]);
    const search = await agent.get('/api/v1/leads?q=knuth').expect(200);
    expect(search.body.items).toHaveLength(1);
    const wildcard = await agent.get(`/api/v1/leads?q=${encodeURIComponent('%')}`).expect(200);
    expect(wildcard.body.items).toHaveLength(0);
  });

  it('rejects bad query parameters with precise 400s', async () => {
    const { agent } = await t.signIn(manager.email, manager.password);
    const badStatus = await agent.get('/api/v1/leads?status=lost').expect(400);
    expect(badStatus.body.issues[0].path).toBe('status');
    const badLimit = await agent.get('/api/v1/leads?limit=1000').expect(400);
    expect(badLimit.body.issues[0].path).toBe('limit');
    const badCursor = await agent.get('/api/v1/leads?cursor=abc').expect(400);
    expect(badCursor.body.message).toBe('cursor: not a cursor this API returned');
  });

  it('returns 404 for an unknown lead and 400 for a malformed id', async () => {
    const { agent } = await t.signIn(manager.email, manager.password);
    await agent.get('/api/v1/leads/3f1c1a8e-2b1d-4c1e-9f1a-1b2c3d4e5f60').expect(404);
    const bad = await agent.get('/api/v1/leads/42').expect(400);
    expect(bad.body.message).toContain('id must be a lead id (uuid)');
  });
});
