import { type ApiTestApp, startApiTestApp } from '../support/api-test-app';
import { seedUser, type TestUser } from '../support/seed-test-data';

describe('auth', () => {
  let t: ApiTestApp;
  let rep: TestUser;

  beforeAll(async () => {
    t = await startApiTestApp('auth');
    rep = await seedUser(t.db.dataSource, 'rep', 'Riley Rep');
  });
  afterAll(() => t.close());

  it('signs in with an httpOnly session cookie and a readable CSRF cookie', async () => {
    const res = await t
      .http()
      .post('/api/v1/auth/login')
      .send({ email: rep.email.toUpperCase(), password: rep.password })
      .expect(200);
    expect(res.body).toEqual({ id: rep.id, name: 'Riley Rep', email: rep.email, role: 'rep' });
    const cookies = ([] as string[]).concat(res.headers['set-cookie'] ?? []);
    expect(cookies.find((c) => c.startsWith('baton_session='))).toMatch(/HttpOnly/i);
    expect(cookies.find((c) => c.startsWith('baton_csrf='))).not.toMatch(/HttpOnly/i);
    const stored = await t.db.dataSource.query(
      `SELECT token_hash FROM sessions WHERE user_id = $1`,
      [rep.id],
    );
    const token = /^baton_session=([^;]+)/.exec(
      cookies.find((c) => c.startsWith('baton_session=')) ?? '',
    )?.[1];
    expect(stored[0].token_hash).not.toBe(token);
  });

  it('answers 401 with one message for a wrong password and for an unknown email', async () => {
    const a = await t
      .http()
      .post('/api/v1/auth/login')
      .send({ email: rep.email, password: 'nope' })
      .expect(401);
    const b = await t
      .http()
      .post('/api/v1/auth/login')
      .send({ email: 'ghost@example.com', password: 'nope' })
      .expect(401);
    expect(a.body.message).toBe('Wrong email or password');
    expect(b.body.message).toBe(a.body.message);
  });

  it('throttles repeated failures with 429 and Retry-After', async () => {
    const victim = await seedUser(t.db.dataSource, 'rep');
    for (let i = 0; i < 5; i++) {
      await t
        .http()
        .post('/api/v1/auth/login')
        .send({ email: victim.email, password: `wrong-${i}` })
        .expect(401);
    }
    const res = await t
      .http()
      .post('/api/v1/auth/login')
      .send({ email: victim.email, password: victim.password })
      .expect(429);
    expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
    expect(res.body.message).toMatch(/Too many failed sign-ins/);
  });

  it('requires a session for the API and the CSRF header for writes', async () => {
    await t.http().get('/api/v1/leads').expect(401);
    await t.http().get('/api/v1/auth/me').expect(401);
    const { agent, csrf } = await t.signIn(rep.email, rep.password);
    await agent.get('/api/v1/auth/me').expect(200);
    const forbidden = await agent.post('/api/v1/auth/logout').expect(403);
    expect(forbidden.body.message).toBe('Missing or wrong X-CSRF-Token header');
    await agent.post('/api/v1/auth/logout').set('X-CSRF-Token', csrf).expect(204);
    await agent.get('/api/v1/auth/me').expect(401);
  });

  it('keeps health checks public', async () => {
    await t.http().get('/health/live').expect(200, { status: 'ok' });
    const ready = await t.http().get('/health/ready').expect(200);
    expect(ready.body.checks).toEqual({ database: 'up', temporal: 'up', model: 'not_configured' });
  });

  it('publishes an OpenAPI document generated from the zod schemas', async () => {
    const res = await t.http().get('/api/docs-json').expect(200);
    const post = res.body.paths['/api/v1/leads'].post;
    const body = post.requestBody.content['application/json'].schema;
    const schema = body.$ref ? res.body.components.schemas[body.$ref.split('/').pop()] : body;
    expect(schema.properties.contact).toBeDefined();
    expect(Object.keys(post.responses)).toEqual(expect.arrayContaining(['202', '400', '401']));
  });

  it('lists the app-wide error answers (validation, sign-in, CSRF) on every operation they apply to', async () => {
    const { body: doc } = await t.http().get('/api/docs-json').expect(200);
    const error = { $ref: '#/components/schemas/ApiError' };
    const schemaOf = (op: { responses: Record<string, { content?: object }> }, status: string) =>
      (op.responses[status]?.content as Record<string, { schema: unknown }> | undefined)?.[
        'application/json'
      ]?.schema;
    // Declared by the route itself: only 204, 404 and 409.
    const deleteTeam = doc.paths['/api/v1/teams/{id}'].delete;
    for (const status of ['400', '401', '403', '404', '409'])
      expect({ status, schema: schemaOf(deleteTeam, status) }).toEqual({ status, schema: error });
    expect(deleteTeam.responses['403'].description).toMatch(/X-CSRF-Token.*role admin/);
    // A read without parameters has no 400 and no CSRF 403; a public route needs no session.
    expect(Object.keys(doc.paths['/api/v1/flows'].get.responses).sort()).toEqual(['200', '401']);
    expect(Object.keys(doc.paths['/health/live'].get.responses)).toEqual(['200']);
    expect(doc.components.schemas.ApiError.required).toEqual(['statusCode', 'error', 'message']);
  });
});
