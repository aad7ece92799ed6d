import { TokenBuckets } from '../../src/rate-limit/token-buckets.service';
import { type ApiReplica, startApiReplica } from '../support/api-replica';
import { type ApiTestApp, startApiTestApp } from '../support/api-test-app';
import { seedSource, seedUser, type TestSource } from '../support/seed-test-data';

const ORIGIN = 'https://www.example.com';

describe('limits shared by API replicas and kept apart per budget', () => {
  let a: ApiTestApp;
  let b: ApiReplica;
  beforeAll(async () => {
    a = await startApiTestApp('limits', {
      INTAKE_RATE_LIMIT_PER_MINUTE: '10',
      INTAKE_FORM_RATE_LIMIT_PER_MINUTE: '3',
    });
    b = await startApiReplica(a);
  });
  afterAll(async () => {
    await b.close();
    await a.close();
  });

  const replicas = () => [a.http, b.http];
  /** Requests alternate between the two replicas. */
  const via = (i: number) => (i % 2 === 0 ? a.http : b.http);
  const postLead = (http: ApiTestApp['http'], source: TestSource, i: number) =>
    http()
      .post('/api/v1/leads')
      .set('Authorization', `Bearer ${source.apiKey}`)
      .send({ contact: { name: `Lead ${i}`, email: `lead${i}@example.com` } });
  const login = (http: ApiTestApp['http'], email: string, password: string, address?: string) => {
    const req = http().post('/api/v1/auth/login');
    if (address) void req.set('X-Forwarded-For', address);
    return req.send({ email, password });
  };

  it('counts a source’s leads once across replicas', async () => {
    const source = await seedSource(a.db.dataSource);
    const statuses: number[] = [];
    // Alternating: each replica alone sees 8, under the limit of 10 an in-memory bucket allows.
    for (let i = 0; i < 16; i++) statuses.push((await postLead(via(i), source, i)).status);
    const accepted = statuses.filter((s) => s === 202).length;
    expect(accepted).toBeGreaterThanOrEqual(10);
    expect(accepted).toBeLessThanOrEqual(11); // the bucket refills at 1 every 6 s meanwhile
    expect(statuses.slice(-4)).toEqual([429, 429, 429, 429]);
    const limited = await postLead(b.http, source, 99).expect(429);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    expect(limited.body.message).toMatch(
      /^This source sends more than 10 leads a minute; retry in \d+ s$/,
    );
  });

  it('counts wrong passwords once across replicas', async () => {
    const victim = await seedUser(a.db.dataSource, 'rep');
    for (let i = 0; i < 5; i++) await login(via(i), victim.email, `wrong-${i}`).expect(401);
    for (const http of replicas()) {
      const res = await login(http, victim.email, victim.password).expect(429);
      expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
      expect(res.body.message).toMatch(/^Too many failed sign-ins; try again in \d+ min$/);
    }
  });

  it('refuses parallel guesses past the budget (each attempt is counted before the check)', async () => {
    const victim = await seedUser(a.db.dataSource, 'rep');
    const statuses = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        login(via(i), victim.email, `guess-${i}`).then((r) => r.status),
      ),
    );
    expect(statuses.filter((s) => s === 401)).toHaveLength(5);
    expect(statuses.filter((s) => s === 429)).toHaveLength(7);
  });

  it('locks one account, not the others behind the same address; forgets after the right password', async () => {
    const [locked, neighbour, forgetful] = await Promise.all([
      seedUser(a.db.dataSource, 'rep'),
      seedUser(a.db.dataSource, 'rep'),
      seedUser(a.db.dataSource, 'rep'),
    ]);
    for (let i = 0; i < 5; i++)
      await login(a.http, locked.email, 'nope', '198.51.100.20').expect(401);
    await login(a.http, locked.email, locked.password, '198.51.100.20').expect(429);
    await login(b.http, neighbour.email, neighbour.password, '198.51.100.20').expect(200);

    for (let i = 0; i < 4; i++) await login(a.http, forgetful.email, 'nope').expect(401);
    await login(b.http, forgetful.email, forgetful.password).expect(200);
    for (let i = 0; i < 4; i++) await login(a.http, forgetful.email, 'nope').expect(401);
    await login(b.http, forgetful.email, forgetful.password).expect(200);
  });

  it('blocks an address after 30 wrong passwords across accounts, but not its right ones', async () => {
    const bot = '203.0.113.7';
    const office = '203.0.113.8';
    const colleague = await seedUser(a.db.dataSource, 'rep');
    // Right passwords give the address its token back: a busy office is not locked out.
    for (let i = 0; i < 32; i++)
      await login(via(i), colleague.email, colleague.password, office).expect(200);
    for (let i = 0; i < 30; i++) {
      await login(via(i), `user${i}@example.com`, 'nope', bot).expect(401);
    }
    const fresh = await seedUser(a.db.dataSource, 'rep');
    await login(a.http, fresh.email, fresh.password, bot).expect(429);
    await login(b.http, fresh.email, fresh.password, office).expect(200);
    // IPv6: the next address in the same /64 is the same budget.
    for (let i = 0; i < 30; i++)
      await login(a.http, `v6${i}@example.com`, 'nope', `2001:db8:7::${i + 1}`).expect(401);
    await login(b.http, fresh.email, fresh.password, '2001:db8:7::ffff').expect(429);
    await login(b.http, fresh.email, fresh.password, '2001:db8:8::1').expect(200);
  });

  describe('public forms', () => {
    let source: TestSource;
    beforeAll(async () => {
      source = await seedSource(a.db.dataSource);
      await a.db.dataSource.query(`UPDATE sources SET allowed_origins = $2 WHERE id = $1`, [
        source.id,
        [ORIGIN],
      ]);
    });
    const formPost = (http: ApiTestApp['http'], address: string, fields: Record<string, string>) =>
      http()
        .post(`/api/v1/intake/${source.slug}`)
        .set('Origin', ORIGIN)
        .set('X-Forwarded-For', address)
        .type('form')
        .send(fields);

    it('a honeypot flood with a spoofed Origin costs the bot, never the source’s keyed budget', async () => {
      const bot = '192.0.2.66';
      const statuses: number[] = [];
      for (let i = 0; i < 12; i++) {
        const res = await formPost(via(i), bot, {
          name: `Bot ${i}`,
          email: `bot${i}@example.com`,
          website_url: 'http://spam.example',
        });
        statuses.push(res.status);
      }
      // Both replicas count the bot's posts together: 3 a minute from one address.
      expect(statuses.slice(0, 3)).toEqual([202, 202, 202]);
      expect(statuses.slice(3)).toEqual(Array(9).fill(429));
      const limited = await formPost(a.http, bot, { name: 'Bot', website_url: 'x' }).expect(429);
      expect(Number(limited.headers['retry-after'])).toBeGreaterThanOrEqual(1);
      expect(limited.body.message).toMatch(
        /^More than 3 form posts a minute came from your address; retry in \d+ s$/,
      );

      // The source's own API-key intake still has its whole budget (10 a minute).
      for (let i = 0; i < 10; i++) await postLead(via(i), source, 100 + i).expect(202);
      // And a person at another address can still use the form.
      await formPost(b.http, '192.0.2.10', {
        name: 'Real Person',
        email: 'real@example.com',
      }).expect(202);
      const stored: unknown[] = await a.db.dataSource.query(
        `SELECT 1 FROM leads WHERE source_id = $1 AND name LIKE 'Bot%'`,
        [source.id],
      );
      expect(stored).toHaveLength(0);
    });
  });

  it('deletes buckets once they are full again, keeping the others', async () => {
    const buckets = a.app.get(TokenBuckets);
    await buckets.take([
      { key: 'test:refills-at-once', capacity: 1, perSecond: 1000 },
      { key: 'test:refills-slowly', capacity: 1, perSecond: 0.001 },
    ]);
    await new Promise((r) => setTimeout(r, 20));
    await buckets.purge();
    const left: { key: string }[] = await a.db.dataSource.query(
      `SELECT key FROM rate_limit_buckets WHERE key LIKE 'test:%'`,
    );
    expect(left.map((r) => r.key)).toEqual(['test:refills-slowly']);
    const [check] = await buckets.take([
      { key: 'test:refills-slowly', capacity: 1, perSecond: 0.001 },
    ]);
    expect(check).toEqual({ key: 'test:refills-slowly', allowed: false, retryAfterSeconds: 1000 });
  });
});
