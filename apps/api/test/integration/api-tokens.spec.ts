import { createHash } from 'node:crypto';
import type TestAgent from 'supertest/lib/agent';
import { type ApiTestApp, startApiTestApp } from '../support/api-test-app';
import { seedSource, seedUser, type TestUser } from '../support/seed-test-data';

interface Session {
  agent: TestAgent;
  csrf: string;
}
const sha256 = (v: string) => createHash('sha256').update(v).digest('hex');

describe('personal API tokens', () => {
  let t: ApiTestApp;
  let admin: TestUser;
  let rep: TestUser;
  let asAdmin: Session;
  let asRep: Session;

  const createToken = (s: Session, body: object) =>
    s.agent.post('/api/v1/me/tokens').set('X-CSRF-Token', s.csrf).send(body);
  const bearer = (secret: string) => ({ Authorization: `Bearer ${secret}` });
  const me = (secret: string) => t.http().get('/api/v1/auth/me').set(bearer(secret));
  const auditOf = (id: string) =>
    t.db.dataSource.query(
      `SELECT action, actor_id, after FROM audit_log WHERE entity_type = 'api_token' AND entity_id = $1 ORDER BY id`,
      [id],
    ) as Promise<{ action: string; actor_id: string; after: Record<string, unknown> }[]>;

  beforeAll(async () => {
    t = await startApiTestApp('api-tokens');
    admin = await seedUser(t.db.dataSource, 'admin', 'Ada Admin');
    rep = await seedUser(t.db.dataSource, 'rep', 'Riley Rep');
    asAdmin = await t.signIn(admin.email, admin.password);
    asRep = await t.signIn(rep.email, rep.password);
  });
  afterAll(() => t.close());

  it('creates a token, shows the secret once, stores only its sha256, and audits it', async () => {
    const res = await createToken(asRep, { name: '  CRM sync  ', expiresInDays: 30 }).expect(201);
    const secret: string = res.body.secret;
    expect(secret).toMatch(/^baton_pat_[A-Za-z0-9_-]{43}$/);
    expect(res.body.token).toEqual({
      id: expect.any(String),
      name: 'CRM sync',
      prefix: secret.slice(0, 16),
      state: 'active',
      createdAt: expect.any(String),
      lastUsedAt: null,
      expiresAt: expect.any(String),
      revokedAt: null,
    });
    const days = (Date.parse(res.body.token.expiresAt) - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(29.9);
    expect(days).toBeLessThanOrEqual(30);

    const [row] = await t.db.dataSource.query(`SELECT * FROM api_tokens WHERE id = $1`, [
      res.body.token.id,
    ]);
    expect(row.token_hash).toBe(sha256(secret));
    expect(JSON.stringify(row)).not.toContain(secret);
    expect(JSON.stringify(row)).toContain(secret.slice(0, 16));

    const list = await asRep.agent.get('/api/v1/me/tokens').expect(200);
    expect(JSON.stringify(list.body)).not.toContain(secret);
    expect(list.body.items.map((i: { id: string }) => i.id)).toEqual([res.body.token.id]);

    const audit = await auditOf(res.body.token.id);
    expect(audit).toEqual([
      {
        action: 'api_token.create',
        actor_id: rep.id,
        after: {
          name: 'CRM sync',
          prefix: secret.slice(0, 16),
          expiresAt: res.body.token.expiresAt,
        },
      },
    ]);
    expect(JSON.stringify(audit)).not.toContain(secret);
  });

  it('acts as its person on real routes, writes without CSRF, records last use once a minute, then 401 once revoked', async () => {
    const created = await createToken(asRep, { name: 'Reporting script' }).expect(201);
    const { secret, token } = created.body as { secret: string; token: { id: string } };
    expect(created.body.token.expiresAt).toBeNull();

    expect((await me(secret).expect(200)).body).toEqual({
      id: rep.id,
      name: 'Riley Rep',
      email: rep.email,
      role: 'rep',
    });
    await t.http().get('/api/v1/leads').set(bearer(secret)).expect(200);
    // A write with the token needs no CSRF token (the cookie path does).
    const away = await t
      .http()
      .patch('/api/v1/me/availability')
      .set(bearer(secret))
      .send({ status: 'away' })
      .expect(200);
    expect(away.body.status).toBe('away');
    await asRep.agent.patch('/api/v1/me/availability').send({ status: 'available' }).expect(403);

    const listed = await asRep.agent.get('/api/v1/me/tokens').expect(200);
    const mine = listed.body.items.find((i: { id: string }) => i.id === token.id);
    expect(Date.now() - Date.parse(mine.lastUsedAt)).toBeLessThan(60_000);
    const [{ last_used_at: firstWrite }] = await t.db.dataSource.query(
      `SELECT last_used_at FROM api_tokens WHERE id = $1`,
      [token.id],
    );
    await me(secret).expect(200);
    const [{ last_used_at: afterAnother }] = await t.db.dataSource.query(
      `SELECT last_used_at FROM api_tokens WHERE id = $1`,
      [token.id],
    );
    expect(afterAnother).toEqual(firstWrite);
    // Three calls, one first use.
    expect((await auditOf(token.id)).map((a) => a.action)).toEqual([
      'api_token.create',
      'api_token.first_use',
    ]);

    await asRep.agent
      .delete(`/api/v1/me/tokens/${token.id}`)
      .set('X-CSRF-Token', asRep.csrf)
      .expect(204);
    const refused = await me(secret).expect(401);
    expect(refused.body.message).toBe('This API token was revoked; create a new one');
    expect(refused.headers['www-authenticate']).toBe('Bearer');
    const after = await asRep.agent.get('/api/v1/me/tokens').expect(200);
    expect(after.body.items.find((i: { id: string }) => i.id === token.id)).toMatchObject({
      state: 'revoked',
      revokedAt: expect.any(String),
    });
    expect((await auditOf(token.id)).at(-1)).toMatchObject({
      action: 'api_token.revoke',
      actor_id: rep.id,
    });
  });

  it('is accepted only from the Authorization header, never from a cookie or the query string', async () => {
    const { secret } = (await createToken(asRep, { name: 'Header only' }).expect(201)).body;
    await t.http().get('/api/v1/auth/me').set('Cookie', `baton_session=${secret}`).expect(401);
    await t.http().get(`/api/v1/auth/me?access_token=${secret}`).expect(401);
    await t.http().get(`/api/v1/auth/me?token=${secret}`).expect(401);
    await me(secret).expect(200);
  });

  it('refuses an expired token, an unknown one and a source key with a clear 401', async () => {
    const { secret, token } = (await createToken(asRep, { name: 'Soon gone', expiresInDays: 1 }))
      .body;
    await t.db.dataSource.query(
      `UPDATE api_tokens SET created_at = now() - interval '2 days', expires_at = now() - interval '1 second' WHERE id = $1`,
      [token.id],
    );
    expect((await me(secret).expect(401)).body.message).toMatch(
      /^This API token expired at \d{4}-.*; create a new one$/,
    );
    const listed = await asRep.agent.get('/api/v1/me/tokens').expect(200);
    expect(listed.body.items.find((i: { id: string }) => i.id === token.id).state).toBe('expired');

    expect((await me(`${secret.slice(0, -2)}xx`).expect(401)).body.message).toMatch(
      /^Unknown API token/,
    );
    const source = await seedSource(t.db.dataSource);
    expect((await me(source.apiKey).expect(401)).body.message).toMatch(
      /^Not a personal API token: send one that starts with baton_pat_/,
    );
  });

  it("acts with the person's current role: a rep's token gets 403 on admin routes, a promotion applies at once", async () => {
    const { secret } = (await createToken(asRep, { name: 'Role check' }).expect(201)).body;
    const forbidden = await t.http().get('/api/v1/tokens').set(bearer(secret)).expect(403);
    expect(forbidden.body.message).toBe('This needs the role admin');
    await t
      .http()
      .post('/api/v1/sources')
      .set(bearer(secret))
      .send({ slug: 'by-rep', name: 'By rep' })
      .expect(403);
    await t.http().get('/api/v1/sources').set(bearer(secret)).expect(403);

    await asAdmin.agent
      .patch(`/api/v1/users/${rep.id}`)
      .set('X-CSRF-Token', asAdmin.csrf)
      .send({ role: 'manager' })
      .expect(200);
    await t.http().get('/api/v1/sources').set(bearer(secret)).expect(200);
    expect((await me(secret).expect(200)).body.role).toBe('manager');
    await asAdmin.agent
      .patch(`/api/v1/users/${rep.id}`)
      .set('X-CSRF-Token', asAdmin.csrf)
      .send({ role: 'rep' })
      .expect(200);
    await t.http().get('/api/v1/sources').set(bearer(secret)).expect(403);
  });

  it('cannot mint another token with a token', async () => {
    const { secret } = (await createToken(asRep, { name: 'No offspring' }).expect(201)).body;
    const res = await t
      .http()
      .post('/api/v1/me/tokens')
      .set(bearer(secret))
      .send({ name: 'Child' })
      .expect(403);
    expect(res.body.message).toMatch(/An API token cannot create API tokens/);
  });

  it("lets admins list everyone's tokens and revoke any; others' tokens are not found for a rep", async () => {
    const { secret, token } = (await createToken(asRep, { name: 'Laptop script' }).expect(201))
      .body;
    const adminToken = (await createToken(asAdmin, { name: 'Admin tooling' }).expect(201)).body;

    const all = await asAdmin.agent.get(`/api/v1/tokens?userId=${rep.id}`).expect(200);
    expect(all.body.items.length).toBeGreaterThan(0);
    expect(all.body.items.every((i: { state: string }) => i.state === 'active')).toBe(true);
    expect(all.body.items.find((i: { id: string }) => i.id === token.id)).toMatchObject({
      name: 'Laptop script',
      owner: { id: rep.id, name: 'Riley Rep', email: rep.email, role: 'rep' },
    });
    const everything = await asAdmin.agent.get('/api/v1/tokens?state=all').expect(200);
    const states = new Set(everything.body.items.map((i: { state: string }) => i.state));
    expect(states).toEqual(new Set(['active', 'revoked', 'expired']));
    expect(JSON.stringify(everything.body)).not.toContain(secret);

    // A rep cannot revoke the admin's token, nor tell it exists.
    const hidden = await asRep.agent
      .delete(`/api/v1/me/tokens/${adminToken.token.id}`)
      .set('X-CSRF-Token', asRep.csrf)
      .expect(404);
    expect(hidden.body.message).toBe(`You have no API token ${adminToken.token.id}`);
    await me(adminToken.secret).expect(200);

    await asAdmin.agent
      .delete(`/api/v1/tokens/${token.id}`)
      .set('X-CSRF-Token', asAdmin.csrf)
      .expect(204);
    await me(secret).expect(401);
    // Twice is a no-op, audited once.
    await asAdmin.agent
      .delete(`/api/v1/tokens/${token.id}`)
      .set('X-CSRF-Token', asAdmin.csrf)
      .expect(204);
    const revokes = (await auditOf(token.id)).filter((a) => a.action === 'api_token.revoke');
    expect(revokes).toEqual([
      {
        action: 'api_token.revoke',
        actor_id: admin.id,
        after: { state: 'revoked', name: 'Laptop script', prefix: token.prefix, ownerId: rep.id },
      },
    ]);
    await asAdmin.agent
      .delete('/api/v1/tokens/00000000-0000-4000-8000-000000000000')
      .set('X-CSRF-Token', asAdmin.csrf)
      .expect(404);
  });

  it("stops a deactivated person's tokens", async () => {
    const leaver = await seedUser(t.db.dataSource, 'rep', 'Lee Leaver');
    const asLeaver = await t.signIn(leaver.email, leaver.password);
    const { secret, token } = (await createToken(asLeaver, { name: 'Old script' }).expect(201))
      .body;
    await me(secret).expect(200);

    // Creating the token is history (the audit log), so removing deactivates rather than deletes.
    const removed = await asAdmin.agent
      .delete(`/api/v1/users/${leaver.id}`)
      .set('X-CSRF-Token', asAdmin.csrf)
      .expect(200);
    expect(removed.body.outcome).toBe('deactivated');
    expect((await me(secret).expect(401)).body.message).toBe(
      'This API token was revoked; create a new one',
    );
    const [row] = await t.db.dataSource.query(
      `SELECT revoked_by_id FROM api_tokens WHERE id = $1`,
      [token.id],
    );
    expect(row.revoked_by_id).toBe(admin.id);
    const [deactivation] = await t.db.dataSource.query(
      `SELECT after FROM audit_log WHERE action = 'user.deactivate' AND entity_id = $1`,
      [leaver.id],
    );
    expect(deactivation.after.revokedApiTokens).toBe(1);
  });

  it.each([
    [{ name: '' }, 'name', 'name must not be empty'],
    [{ name: 'x'.repeat(101) }, 'name', 'name must be at most 100 characters'],
    [{}, 'name', 'name must be a text'],
    [{ name: 'ok', expiresInDays: 366 }, 'expiresInDays', 'expiresInDays must be at most 365'],
    [{ name: 'ok', expiresInDays: 0 }, 'expiresInDays', 'expiresInDays must be at least 1'],
    [
      { name: 'ok', expiresInDays: 1.5 },
      'expiresInDays',
      'expiresInDays must be a whole number of days',
    ],
    [
      { name: 'ok', expiresInDays: '30' },
      'expiresInDays',
      'expiresInDays must be a number of days',
    ],
  ])('answers 400 naming the field for %p', async (body, path, message) => {
    const res = await createToken(asRep, body).expect(400);
    expect(res.body.issues).toEqual(expect.arrayContaining([{ path, message }]));
  });

  it('answers 400 to junk ids, queries and unknown fields', async () => {
    const extra = await createToken(asRep, { name: 'ok', scope: 'admin' }).expect(400);
    expect(JSON.stringify(extra.body.issues)).toContain('scope');
    const id = await asRep.agent
      .delete('/api/v1/me/tokens/not-an-id')
      .set('X-CSRF-Token', asRep.csrf)
      .expect(400);
    expect(id.body.issues).toEqual([{ path: '', message: 'id must be an API token id (uuid)' }]);
    const state = await asAdmin.agent.get('/api/v1/tokens?state=bogus').expect(400);
    expect(state.body.issues).toEqual([{ path: 'state', message: 'state must be active or all' }]);
    const user = await asAdmin.agent.get('/api/v1/tokens?userId=42').expect(400);
    expect(user.body.issues).toEqual([
      { path: 'userId', message: 'userId must be a person id (uuid)' },
    ]);
  });

  it('declares the personal token scheme in the OpenAPI document', async () => {
    const { body: doc } = await t.http().get('/api/docs-json').expect(200);
    expect(doc.components.securitySchemes.personalApiToken).toMatchObject({
      type: 'http',
      scheme: 'bearer',
    });
    expect(doc.paths['/api/v1/leads'].get.security).toEqual([
      { session: [] },
      { personalApiToken: [] },
    ]);
    expect(doc.paths['/api/v1/leads'].post.security).toEqual([{ bearer: [] }]);
    expect(doc.paths['/health/live'].get.security).toBeUndefined();
    expect(Object.keys(doc.paths['/api/v1/me/tokens'].post.responses).sort()).toEqual([
      '201',
      '400',
      '401',
      '403',
      '409',
      '413',
      '415',
    ]);
  });
});
