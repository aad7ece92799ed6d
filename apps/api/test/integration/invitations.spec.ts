import { createSmtpCapture, type CapturedEmail, type SmtpCapture } from '@baton/notify';
import { type ApiTestApp, startApiTestApp } from '../support/api-test-app';
import { seedUser, type TestUser } from '../support/seed-test-data';
import { waitUntil } from '../support/wait-until';

// Invitations: an admin invites by email, the one-time link sets a password and signs in.

const PUBLIC_URL = 'https://baton.example.test';

describe('invitations API', () => {
  let t: ApiTestApp;
  let mail: SmtpCapture;
  let admin: TestUser;
  let rep: TestUser;
  let asAdmin: Awaited<ReturnType<ApiTestApp['signIn']>>;

  const invite = (body: object) =>
    asAdmin.agent.post('/api/v1/invitations').set('X-CSRF-Token', asAdmin.csrf).send(body);
  const resend = (id: string) =>
    asAdmin.agent.post(`/api/v1/users/${id}/invitation`).set('X-CSRF-Token', asAdmin.csrf);
  const accept = (token: string, body: object) =>
    t.http().post(`/api/v1/invitations/${token}/accept`).send(body);

  /** The newest mail to this address, once it has arrived. */
  const mailTo = async (to: string): Promise<CapturedEmail> => {
    let found: CapturedEmail | undefined;
    await waitUntil(() => {
      found = mail.list().find((m) => m.envelope.to.includes(to));
      return found !== undefined;
    }, `mail to ${to}`);
    return found as CapturedEmail;
  };
  const tokenIn = (email: CapturedEmail): string => {
    const link = new RegExp(`${PUBLIC_URL}/invite/([A-Za-z0-9_-]+)`).exec(email.text ?? '');
    if (!link?.[1]) throw new Error(`no invitation link in: ${email.text}`);
    return link[1];
  };

  beforeAll(async () => {
    mail = await createSmtpCapture({ port: 0 });
    t = await startApiTestApp('invitations', { SMTP_URL: mail.url, BATON_PUBLIC_URL: PUBLIC_URL });
    admin = await seedUser(t.db.dataSource, 'admin', 'Ada Admin');
    rep = await seedUser(t.db.dataSource, 'rep', 'Rita Rep');
    asAdmin = await t.signIn(admin.email, admin.password);
  });
  afterAll(async () => {
    await t.close();
    await mail.close();
  });
  beforeEach(() => mail.clear());

  it('invites by email; the link shows who it is for, sets the password once and signs in', async () => {
    const sent = await invite({
      email: 'Nina.New@Example.com',
      name: 'Nina New',
      role: 'rep',
      capacity: 4,
      skills: ['solar'],
    }).expect(201);
    expect(sent.body).toMatchObject({
      sentTo: 'nina.new@example.com',
      user: { name: 'Nina New', canSignIn: false, capacity: 4, skills: ['solar'] },
    });
    const expiresIn = Date.parse(sent.body.expiresAt) - Date.now();
    expect(expiresIn).toBeGreaterThan(7 * 24 * 3_600_000 - 60_000);
    expect(expiresIn).toBeLessThanOrEqual(7 * 24 * 3_600_000);
    expect(sent.body.user.invitation).toEqual({ expiresAt: sent.body.expiresAt });
    expect(JSON.stringify(sent.body)).not.toMatch(/\/invite\//);

    const message = await mailTo('nina.new@example.com');
    expect(message.subject).toBe('You are invited to Baton');
    expect(message.text).toContain('Ada Admin invited you to Baton as a rep');
    const token = tokenIn(message);
    const [stored] = (await t.db.dataSource.query(
      `SELECT token_hash FROM invitations WHERE user_id = $1`,
      [sent.body.user.id],
    )) as { token_hash: string }[];
    expect(stored?.token_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(stored?.token_hash).not.toContain(token);

    const lookup = await t.http().get(`/api/v1/invitations/${token}`).expect(200);
    expect(lookup.body).toEqual({
      name: 'Nina New',
      email: 'nina.new@example.com',
      expiresAt: sent.body.expiresAt,
    });

    const accepted = await accept(token, { password: 'a brand new passphrase' }).expect(200);
    expect(accepted.body).toEqual({
      id: sent.body.user.id,
      name: 'Nina New',
      email: 'nina.new@example.com',
      role: 'rep',
    });
    const cookies = ([] as string[]).concat(accepted.headers['set-cookie'] ?? []);
    expect(cookies.some((c) => /^baton_session=.+HttpOnly/i.test(c))).toBe(true);
    const sessionCookie = cookies.map((c) => c.split(';')[0]).join('; ');
    const me = await t.http().get('/api/v1/auth/me').set('Cookie', sessionCookie).expect(200);
    expect(me.body.email).toBe('nina.new@example.com');
    await t.signIn('nina.new@example.com', 'a brand new passphrase');

    const reused = await accept(token, { password: 'another passphrase!' }).expect(409);
    expect(reused.body.message).toMatch(/already used/);
    await t.http().get(`/api/v1/invitations/${token}`).expect(409);

    const person = await asAdmin.agent.get(`/api/v1/users/${sent.body.user.id}`).expect(200);
    expect(person.body.canSignIn).toBe(true);
    expect(person.body.invitation).toBeUndefined();

    const audit = (await t.db.dataSource.query(
      `SELECT action, actor_id FROM audit_log WHERE entity_id = $1 ORDER BY id`,
      [sent.body.user.id],
    )) as { action: string; actor_id: string }[];
    expect(audit).toEqual([
      { action: 'user.create', actor_id: admin.id },
      { action: 'user.invite', actor_id: admin.id },
      { action: 'user.invitation_accept', actor_id: sent.body.user.id },
    ]);
    expect(JSON.stringify(audit)).not.toContain(token);
  });

  it('resending replaces the old link', async () => {
    const sent = await invite({ email: 'ray@example.com', name: 'Ray Resend', role: 'rep' });
    expect(sent.status).toBe(201);
    const first = tokenIn(await mailTo('ray@example.com'));
    mail.clear();
    const again = await resend(sent.body.user.id).expect(201);
    expect(again.body.user.invitation.expiresAt).toBe(again.body.expiresAt);
    const second = tokenIn(await mailTo('ray@example.com'));
    expect(second).not.toBe(first);

    await t.http().get(`/api/v1/invitations/${first}`).expect(404);
    await accept(first, { password: 'a brand new passphrase' }).expect(404);
    await t.http().get(`/api/v1/invitations/${second}`).expect(200);
    const actions = (await t.db.dataSource.query(
      `SELECT action FROM audit_log WHERE entity_id = $1 ORDER BY id`,
      [sent.body.user.id],
    )) as { action: string }[];
    expect(actions.map((a) => a.action)).toContain('user.invitation_resend');
  });

  it('an expired link answers 410 and tells to ask for a new one', async () => {
    const sent = await invite({ email: 'eve@example.com', name: 'Eve Expired', role: 'rep' });
    expect(sent.status).toBe(201);
    const token = tokenIn(await mailTo('eve@example.com'));
    await t.db.dataSource.query(
      `UPDATE invitations SET expires_at = now() - interval '1 minute' WHERE user_id = $1`,
      [sent.body.user.id],
    );
    const lookup = await t.http().get(`/api/v1/invitations/${token}`).expect(410);
    expect(lookup.body.message).toMatch(/expired; ask your admin for a new link/);
    await accept(token, { password: 'a brand new passphrase' }).expect(410);
    const [user] = (await t.db.dataSource.query(`SELECT password_hash FROM users WHERE id = $1`, [
      sent.body.user.id,
    ])) as { password_hash: string | null }[];
    expect(user?.password_hash).toBeNull();
  });

  it('an unknown token answers 404 and reveals nothing', async () => {
    const res = await t
      .http()
      .get(`/api/v1/invitations/${'x'.repeat(43)}`)
      .expect(404);
    expect(res.body.message).toMatch(/not valid/);
    expect(JSON.stringify(res.body)).not.toMatch(/@|expires/);
    await accept('y'.repeat(43), { password: 'a brand new passphrase' }).expect(404);
  });

  it('refuses to invite someone who can already sign in, naming why', async () => {
    const taken = await invite({ email: rep.email, name: 'Rita Again', role: 'rep' }).expect(409);
    expect(taken.body.message).toMatch(/already has an account and can sign in/);
    const again = await resend(rep.id).expect(409);
    expect(again.body.message).toMatch(/already has a password/);
    expect(mail.list()).toHaveLength(0);
  });

  it('answers 400 naming the field for junk bodies and tokens', async () => {
    const noEmail = await invite({ name: 'No Mail', role: 'rep' }).expect(400);
    expect(noEmail.body.message).toMatch(/email/);
    const badRole = await invite({ email: 'r@example.com', name: 'R', role: 'boss' }).expect(400);
    expect(badRole.body.message).toMatch(/role/);
    const withPassword = await invite({
      email: 'p@example.com',
      name: 'P',
      role: 'rep',
      password: 'not allowed here',
    }).expect(400);
    expect(withPassword.body.message).toMatch(/password/);

    const short = await accept('z'.repeat(43), { password: 'short' }).expect(400);
    expect(short.body.message).toMatch(/password.*at least 12/);
    const extra = await accept('z'.repeat(43), { password: 'long enough pass', admin: true });
    expect(extra.status).toBe(400);
    expect(extra.body.message).toMatch(/admin/);
    const badToken = await t.http().get('/api/v1/invitations/not%20a%20token').expect(400);
    expect(badToken.body.message).toMatch(/token/);
    await resend('not-a-uuid').expect(400);
    await resend('00000000-0000-4000-8000-000000000000').expect(404);
    expect(mail.list()).toHaveLength(0);
  });

  it('accepting wants JSON from Baton’s own site, like sign-in', async () => {
    await t
      .http()
      .post(`/api/v1/invitations/${'z'.repeat(43)}/accept`)
      .type('form')
      .send('password=a brand new passphrase')
      .expect(415);
    await accept('z'.repeat(43), { password: 'a brand new passphrase' })
      .set('Sec-Fetch-Site', 'cross-site')
      .expect(403);
  });

  it('only admins invite: a rep gets 403, nobody signed out gets in', async () => {
    const asRep = await t.signIn(rep.email, rep.password);
    await asRep.agent
      .post('/api/v1/invitations')
      .set('X-CSRF-Token', asRep.csrf)
      .send({ email: 'sneaky@example.com', name: 'Sneaky', role: 'admin' })
      .expect(403);
    await asRep.agent
      .post(`/api/v1/users/${rep.id}/invitation`)
      .set('X-CSRF-Token', asRep.csrf)
      .expect(403);
    await t
      .http()
      .post('/api/v1/invitations')
      .send({ email: 'anon@example.com', name: 'Anon', role: 'rep' })
      .expect(401);
    expect(mail.list()).toHaveLength(0);
  });

  it('a link for a deactivated person brings them back with a new password', async () => {
    const sent = await invite({ email: 'dee@example.com', name: 'Dee Back', role: 'rep' });
    const token = tokenIn(await mailTo('dee@example.com'));
    await accept(token, { password: 'a brand new passphrase' }).expect(200);
    await t.db.dataSource.query(
      `UPDATE users SET password_hash = NULL, status = 'away' WHERE id = $1`,
      [sent.body.user.id],
    );
    mail.clear();
    await resend(sent.body.user.id).expect(201);
    const fresh = tokenIn(await mailTo('dee@example.com'));
    await t.http().get(`/api/v1/invitations/${token}`).expect(404);
    await accept(fresh, { password: 'the second passphrase' }).expect(200);
    const person = await asAdmin.agent.get(`/api/v1/users/${sent.body.user.id}`).expect(200);
    expect(person.body).toMatchObject({ canSignIn: true, status: 'available' });
  });

  it('guessing links runs out of tries (429) from that address, until the budget refills', async () => {
    const sent = await invite({ email: 'gus@example.com', name: 'Gus Guess', role: 'rep' });
    expect(sent.status).toBe(201);
    const token = tokenIn(await mailTo('gus@example.com'));
    let last = 0;
    for (let i = 0; i < 40 && last !== 429; i++) {
      last = (await t.http().get(`/api/v1/invitations/${'g'.repeat(40)}${i}`)).status;
    }
    expect(last).toBe(429);
    const blocked = await t.http().get(`/api/v1/invitations/${token}`).expect(429);
    expect(blocked.headers['retry-after']).toBeDefined();
    await t.db.dataSource.query(`DELETE FROM rate_limit_buckets WHERE key LIKE 'invitation:%'`);
    await t.http().get(`/api/v1/invitations/${token}`).expect(200);
  });
});
