import { type ApiTestApp, startApiTestApp } from '../support/api-test-app';
import { seedSource, seedUser, type TestSource } from '../support/seed-test-data';

const cursorOf = (text: string) => Buffer.from(text).toString('base64url');
const id = '3f1c1a8e-2b1d-4c1e-9f1a-1b2c3d4e5f60';

/** GET /api/v1/leads?cursor=…: a cursor is either one this API returned, or a 400 naming it. */
describe('lead list cursors from hostile clients', () => {
  let t: ApiTestApp;
  let source: TestSource;
  let agent: Awaited<ReturnType<ApiTestApp['signIn']>>['agent'];

  beforeAll(async () => {
    t = await startApiTestApp('intake-cursor');
    source = await seedSource(t.db.dataSource);
    const admin = await seedUser(t.db.dataSource, 'admin');
    ({ agent } = await t.signIn(admin.email, admin.password));
  });
  afterAll(() => t.close());

  it.each([
    ['garbage', 'not-a-cursor'],
    ['a day that does not exist', cursorOf(`2026-02-30T00:00:00Z|${id}`)],
    ['year 0, which PostgreSQL refuses', cursorOf(`0000-01-01T00:00:00Z|${id}`)],
    ['a number where the date belongs', cursorOf(`1|${id}`)],
    ['a date in another format', cursorOf(`Tuesday 3|${id}`)],
    ['dashes where the uuid belongs', cursorOf(`2026-01-01T00:00:00Z|${'-'.repeat(36)}`)],
    ['a number where the uuid belongs', cursorOf('2026-01-01T00:00:00Z|42')],
    ['the wrong shape (JSON)', cursorOf(JSON.stringify({ receivedAt: 1, id: [] }))],
    ['three parts', cursorOf(`2026-01-01T00:00:00Z|${id}|${id}`)],
  ])('answers 400 naming cursor for %s', async (_name, cursor) => {
    const res = await agent.get(`/api/v1/leads?cursor=${encodeURIComponent(cursor)}`);
    expect({ status: res.status, body: res.body }).toEqual({
      status: 400,
      body: {
        statusCode: 400,
        error: 'Bad Request',
        message: 'cursor: not a cursor this API returned',
        issues: [{ path: 'cursor', message: 'not a cursor this API returned' }],
      },
    });
  });

  it('answers 400 for a repeated cursor', async () => {
    const res = await agent.get(`/api/v1/leads?cursor=a&cursor=b`).expect(400);
    expect(res.body.issues).toEqual([{ path: 'cursor', message: expect.any(String) }]);
  });

  it('pages through leads received within the same millisecond without skipping any', async () => {
    // Microseconds apart, as PostgreSQL keeps them; a millisecond cursor skipped the later ones.
    const micros = [900, 700, 500, 300, 100];
    for (const [i, us] of micros.entries()) {
      await t.db.dataSource.query(
        `INSERT INTO leads (source_id, name, email, received_at) VALUES ($1, $2, 'same@ms.example', $3::timestamptz)`,
        [source.id, `Same ms ${i}`, `2031-05-05T10:00:00.123${us}Z`],
      );
    }
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { body: { items: { contact: { name: string } }[]; nextCursor: string | null } } =
        await agent
          .get(`/api/v1/leads?q=same%40ms.example&limit=1${cursor ? `&cursor=${cursor}` : ''}`)
          .expect(200);
      seen.push(...page.body.items.map((l) => l.contact.name));
      cursor = page.body.nextCursor;
    } while (cursor && seen.length < 10);
    expect(seen).toEqual(micros.map((_, i) => `Same ms ${i}`));
  });
});
