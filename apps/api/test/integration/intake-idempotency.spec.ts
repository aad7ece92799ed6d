import { type ApiTestApp, startApiTestApp } from '../support/api-test-app';
import { seedSource, type TestSource } from '../support/seed-test-data';

describe('intake: Idempotency-Key and rate limit', () => {
  let t: ApiTestApp;
  let source: TestSource;
  beforeAll(async () => {
    t = await startApiTestApp('idem', { INTAKE_RATE_LIMIT_PER_MINUTE: '30' });
    source = await seedSource(t.db.dataSource);
  });
  afterAll(() => t.close());

  const post = (body: object, key?: string, apiKey = source.apiKey) => {
    const req = t.http().post('/api/v1/leads').set('Authorization', `Bearer ${apiKey}`);
    if (key) req.set('Idempotency-Key', key);
    return req.send(body);
  };
  const countLeads = async () =>
    (
      await t.db.dataSource.query(`SELECT count(*)::int AS n FROM leads WHERE source_id = $1`, [
        source.id,
      ])
    )[0].n;

  it('answers a retry with the same key and body exactly as the first time, storing one lead', async () => {
    const body = { contact: { name: 'Ada', email: 'ada@example.com' }, message: 'hi' };
    const first = await post(body, 'form-123').expect(202);
    // Same content, other key order: still the same request.
    const again = await post(
      { message: 'hi', contact: { email: 'ada@example.com', name: 'Ada' } },
      'form-123',
    ).expect(202);
    expect(again.body).toEqual(first.body);
    expect(await countLeads()).toBe(1);
  });

  it('refuses the same key with another body with 422, storing nothing', async () => {
    await post({ contact: { name: 'Bob', email: 'bob@example.com' } }, 'form-456').expect(202);
    const before = await countLeads();
    const res = await post(
      { contact: { name: 'Eve', email: 'eve@example.com' } },
      'form-456',
    ).expect(422);
    expect(res.body.message).toMatch(/already used with a different body/);
    expect(await countLeads()).toBe(before);
  });

  it('stores one lead when the same new key arrives many times at once', async () => {
    const body = { contact: { name: 'Racy', email: 'racy@example.com' } };
    const answers = await Promise.all(Array.from({ length: 8 }, () => post(body, 'race-1')));
    expect(answers.map((a) => a.status)).toEqual(Array(8).fill(202));
    expect(new Set(answers.map((a) => a.body.id)).size).toBe(1);
    const [{ n }] = await t.db.dataSource.query(
      `SELECT count(*)::int AS n FROM leads WHERE email = 'racy@example.com'`,
    );
    expect(n).toBe(1);
  });

  it('answers 429 with Retry-After once a source exceeds its per-minute limit', async () => {
    const busy = await seedSource(t.db.dataSource);
    // The bucket refills at 0.5 a second while we send, so the limit bites at 30 or a little later.
    let accepted = 0;
    let limited: Awaited<ReturnType<typeof post>> | undefined;
    for (let i = 0; i < 40 && !limited; i++) {
      const res = await post(
        { contact: { name: `L${i}`, email: `l${i}@example.com` } },
        undefined,
        busy.apiKey,
      );
      if (res.status === 202) accepted++;
      else limited = res;
    }
    expect(accepted).toBeGreaterThanOrEqual(30);
    expect(accepted).toBeLessThanOrEqual(33);
    expect(limited?.status).toBe(429);
    expect(Number(limited?.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    expect(limited?.body.message).toMatch(/more than 30 leads a minute/);
    // Other sources are not affected.
    await post({ contact: { name: 'Calm', email: 'calm@example.com' } }).expect(202);
  });
});
