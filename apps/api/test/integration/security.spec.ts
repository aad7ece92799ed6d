import { type ApiTestApp, startApiTestApp } from '../support/api-test-app';
import { seedUser, type TestUser } from '../support/seed-test-data';

const SCRAPE_TOKEN = 'scrape-secret-for-security-spec';

describe('login CSRF, password-change guesses, /metrics and caching', () => {
  let t: ApiTestApp;
  let rep: TestUser;
  beforeAll(async () => {
    t = await startApiTestApp('security', { METRICS_TOKEN: SCRAPE_TOKEN });
    rep = await seedUser(t.db.dataSource, 'rep');
  });
  afterAll(() => t.close());

  describe('sign-in', () => {
    it('refuses a cross-site urlencoded form post, setting no session', async () => {
      const res = await t
        .http()
        .post('/api/v1/auth/login')
        .set('Origin', 'https://evil.example')
        .set('Sec-Fetch-Site', 'cross-site')
        .type('form')
        .send({ email: rep.email, password: rep.password })
        .expect(415);
      expect(res.body.message).toBe('Send the sign-in as JSON (Content-Type: application/json)');
      expect(res.headers['set-cookie']).toBeUndefined();
    });

    it('refuses text/plain too (what a cross-site form can send without a preflight)', async () => {
      await t
        .http()
        .post('/api/v1/auth/login')
        .set('Content-Type', 'text/plain')
        .send(JSON.stringify({ email: rep.email, password: rep.password }))
        .expect(415);
    });

    it('refuses JSON that a browser says came from another site', async () => {
      const res = await t
        .http()
        .post('/api/v1/auth/login')
        .set('Sec-Fetch-Site', 'cross-site')
        .send({ email: rep.email, password: rep.password })
        .expect(403);
      expect(res.body.message).toMatch(/another site \(Sec-Fetch-Site: cross-site\) is refused/);
      expect(res.headers['set-cookie']).toBeUndefined();
    });

    it('accepts JSON from Baton’s own page and from clients without Sec-Fetch-Site', async () => {
      await t
        .http()
        .post('/api/v1/auth/login')
        .set('Sec-Fetch-Site', 'same-origin')
        .send({ email: rep.email, password: rep.password })
        .expect(200);
      await t
        .http()
        .post('/api/v1/auth/login')
        .send({ email: rep.email, password: rep.password })
        .expect(200);
    });
  });

  it('throttles wrong current passwords at password change, sharing the sign-in budget', async () => {
    const guesser = await seedUser(t.db.dataSource, 'rep');
    const { agent, csrf } = await t.signIn(guesser.email, guesser.password);
    const change = (currentPassword: string) =>
      agent
        .post(`/api/v1/users/${guesser.id}/password`)
        .set('X-CSRF-Token', csrf)
        .send({ currentPassword, newPassword: 'a-new-password-123' });
    for (let i = 0; i < 5; i++) {
      const res = await change(`guess-${i}`).expect(403);
      expect(res.body.message).toBe('The current password is wrong');
    }
    const limited = await change(guesser.password).expect(429);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    expect(limited.body.message).toMatch(
      /^Too many wrong current passwords; try again in \d+ min$/,
    );
    // The same account budget: switching to the sign-in form buys no extra guesses.
    await t
      .http()
      .post('/api/v1/auth/login')
      .send({ email: guesser.email, password: guesser.password })
      .expect(429);
    // And the password did not change.
    const [row]: { n: number }[] = await t.db.dataSource.query(
      `SELECT count(*)::int AS n FROM audit_log WHERE action = 'user.password_change' AND entity_id = $1`,
      [guesser.id],
    );
    expect(row?.n).toBe(0);
  });

  it('throttles password-change guesses per address too, across the accounts guessed on', async () => {
    // Six accounts' worth of guesses (5 each) from one address spend its 30; a seventh account,
    // fresh by its own budget, is refused there but not from another address.
    const signedIn = async () => {
      const person = await seedUser(t.db.dataSource, 'rep');
      return { person, ...(await t.signIn(person.email, person.password)) };
    };
    const guessedOn = await Promise.all(Array.from({ length: 6 }, signedIn));
    const fresh = await signedIn();
    const guess = ({ person, agent, csrf }: typeof fresh, address: string) =>
      agent
        .post(`/api/v1/users/${person.id}/password`)
        .set('X-CSRF-Token', csrf)
        .set('X-Forwarded-For', address)
        .send({ currentPassword: 'a-wrong-guess', newPassword: 'a-new-password-123' });
    const guesser = '203.0.113.77';
    for (const account of guessedOn)
      for (let n = 0; n < 5; n++) await guess(account, guesser).expect(403);
    const limited = await guess(fresh, guesser).expect(429);
    expect(limited.body.message).toMatch(
      /^Too many wrong current passwords; try again in \d+ min$/,
    );
    await guess(fresh, '203.0.113.78').expect(403);
  });

  it('lets the right current password through and forgets earlier wrong ones', async () => {
    const person = await seedUser(t.db.dataSource, 'rep');
    const { agent, csrf } = await t.signIn(person.email, person.password);
    const change = (currentPassword: string, newPassword: string) =>
      agent
        .post(`/api/v1/users/${person.id}/password`)
        .set('X-CSRF-Token', csrf)
        .send({ currentPassword, newPassword });
    for (let i = 0; i < 4; i++) await change(`typo-${i}`, 'next-password-456').expect(403);
    await change(person.password, 'next-password-456').expect(204);
    for (let i = 0; i < 4; i++) await change(`typo-${i}`, 'third-password-789').expect(403);
    await change('next-password-456', 'third-password-789').expect(204);
  });

  describe('GET /metrics', () => {
    it('wants the METRICS_TOKEN bearer', async () => {
      const none = await t.http().get('/metrics').expect(401);
      expect(none.headers['www-authenticate']).toBe('Bearer realm="metrics"');
      await t.http().get('/metrics').set('Authorization', 'Bearer not-the-token').expect(401);
      const res = await t
        .http()
        .get('/metrics')
        .set('Authorization', `Bearer ${SCRAPE_TOKEN}`)
        .expect(200);
      expect(res.text).toContain('# TYPE baton_leads_awaiting_contact gauge');
    });

    it('is off, saying how to turn it on, when METRICS_TOKEN is not set', async () => {
      const bare = await startApiTestApp('metrics_off');
      try {
        const res = await bare.http().get('/metrics').expect(404);
        expect(res.body.message).toMatch(/^Prometheus metrics are off: set METRICS_TOKEN/);
        expect(res.text).not.toContain('baton_');
      } finally {
        await bare.close();
      }
    });
  });

  describe('caching', () => {
    it('marks personal API answers no-store, errors included', async () => {
      const { agent } = await t.signIn(rep.email, rep.password);
      const me = await agent.get('/api/v1/auth/me').expect(200);
      expect(me.headers['cache-control']).toBe('no-store');
      const leads = await agent.get('/api/v1/leads').expect(200);
      expect(leads.headers['cache-control']).toBe('no-store');
      const anonymous = await t.http().get('/api/v1/leads').expect(401);
      expect(anonymous.headers['cache-control']).toBe('no-store');
    });

    it('leaves the public health checks alone', async () => {
      const res = await t.http().get('/health/live').expect(200);
      expect(res.headers['cache-control']).toBeUndefined();
    });
  });
});
