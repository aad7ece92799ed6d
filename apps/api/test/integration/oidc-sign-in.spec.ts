import type { Response } from 'supertest';
import { type ApiTestApp, startApiTestApp } from '../support/api-test-app';
import { startOidcProvider, type TestOidcProvider } from '@baton/testing';
import { throughProviderPages } from '../support/oidc-provider-pages';
import { seedUser, type TestUser } from '../support/seed-test-data';

const PUBLIC_URL = 'http://baton.test';
const REDIRECT_URL = `${PUBLIC_URL}/api/v1/auth/oidc/callback`;

const cookiesOf = (res: Response): string[] =>
  ([] as string[]).concat(res.headers['set-cookie'] ?? []);
const cookieHeader = (res: Response) =>
  cookiesOf(res)
    .map((c) => c.split(';')[0])
    .join('; ');

describe('sign-in with OIDC against a real provider', () => {
  let idp: TestOidcProvider;
  let t: ApiTestApp;
  let passwordsOff: ApiTestApp;
  let rep: TestUser;
  let admin: TestUser;

  beforeAll(async () => {
    idp = await startOidcProvider([REDIRECT_URL]);
    const sso = {
      BATON_PUBLIC_URL: PUBLIC_URL,
      OIDC_ISSUER_URL: idp.issuer,
      OIDC_CLIENT_ID: idp.clientId,
      OIDC_CLIENT_SECRET: idp.clientSecret,
      OIDC_DISPLAY_NAME: 'Acme SSO',
      OIDC_SCOPES: 'openid email profile groups',
    };
    t = await startApiTestApp('oidc', {
      ...sso,
      OIDC_ROLE_CLAIM: 'groups',
      OIDC_ROLE_MAP: 'baton-admins=admin, sales-leads=manager, sales=rep',
    });
    passwordsOff = await startApiTestApp('oidc-sso-only', { ...sso, BATON_LOCAL_PASSWORDS: 'off' });
    rep = await seedUser(t.db.dataSource, 'rep', 'Riley Rep');
    admin = await seedUser(t.db.dataSource, 'admin', 'Ada Admin');
  });
  afterAll(async () => {
    await t?.close();
    await passwordsOff?.close();
    await idp?.close();
  });

  /** Start at Baton, go through the provider's pages, and return to Baton's callback. */
  async function signInVia(
    app: ApiTestApp,
    login: string,
    claims: Record<string, unknown> | null,
  ): Promise<{ callback: Response; stateCookie: string; returnUrl: URL }> {
    if (claims) await idp.addAccount(login, claims);
    const start = await app.http().get('/api/v1/auth/oidc/start').expect(303);
    const stateCookie = cookieHeader(start);
    expect(cookiesOf(start).find((c) => c.startsWith('baton_oidc='))).toMatch(/HttpOnly/i);
    const returnUrl = await throughProviderPages(
      start.headers['location'] as string,
      REDIRECT_URL,
      claims ? { login } : { cancel: true },
    );
    const callback = await app
      .http()
      .get(`${returnUrl.pathname}${returnUrl.search}`)
      .set('Cookie', stateCookie);
    return { callback, stateCookie, returnUrl };
  }

  const loginPageError = (res: Response) => {
    expect(res.status).toBe(303);
    const location = new URL(res.headers['location'] as string, PUBLIC_URL);
    expect(location.pathname).toBe('/');
    expect(cookiesOf(res).some((c) => c.startsWith('baton_session='))).toBe(false);
    return Object.fromEntries(location.searchParams);
  };

  it('tells the login page that SSO is on, its name, and whether passwords are allowed', async () => {
    await t
      .http()
      .get('/api/v1/auth/providers')
      .expect(200, {
        passwords: true,
        sso: { name: 'Acme SSO', startUrl: '/api/v1/auth/oidc/start' },
      });
    const off = await passwordsOff.http().get('/api/v1/auth/providers').expect(200);
    expect(off.body.passwords).toBe(false);
  });

  it('sends the browser to the provider with code + PKCE, state and nonce', async () => {
    const start = await t.http().get('/api/v1/auth/oidc/start').expect(303);
    const to = new URL(start.headers['location'] as string);
    expect(to.origin).toBe(idp.issuer);
    expect(to.searchParams.get('response_type')).toBe('code');
    expect(to.searchParams.get('redirect_uri')).toBe(REDIRECT_URL);
    expect(to.searchParams.get('code_challenge_method')).toBe('S256');
    expect(to.searchParams.get('state')).toBeTruthy();
    expect(to.searchParams.get('nonce')).toBeTruthy();
    const cookie = cookiesOf(start).find((c) => c.startsWith('baton_oidc=')) ?? '';
    expect(cookie).toMatch(/Path=\/api\/v1\/auth\/oidc/);
    expect(cookie).toMatch(/SameSite=Lax/i);
    // The verifier never leaves in the clear towards the provider.
    expect(start.headers['location']).not.toContain('code_verifier');
  });

  it('signs a known person in by verified email (any case) with a normal session', async () => {
    const { callback } = await signInVia(t, 'riley', {
      email: rep.email.toUpperCase(),
      email_verified: true,
      groups: ['sales'],
    });
    expect(callback.status).toBe(303);
    expect(callback.headers['location']).toBe('/');
    const session = cookiesOf(callback).find((c) => c.startsWith('baton_session=')) ?? '';
    expect(session).toMatch(/HttpOnly/i);
    const me = await t
      .http()
      .get('/api/v1/auth/me')
      .set('Cookie', cookieHeader(callback))
      .expect(200);
    expect(me.body).toEqual({ id: rep.id, name: 'Riley Rep', email: rep.email, role: 'rep' });
  });

  it('takes the role from the mapped claim and audits the change', async () => {
    const promoted = await seedUser(t.db.dataSource, 'rep', 'Pat Promoted');
    const { callback } = await signInVia(t, 'pat', {
      email: promoted.email,
      email_verified: true,
      groups: ['everyone', 'sales', 'sales-leads'],
    });
    expect(callback.status).toBe(303);
    const me = await t
      .http()
      .get('/api/v1/auth/me')
      .set('Cookie', cookieHeader(callback))
      .expect(200);
    expect(me.body.role).toBe('manager');
    const audit = await t.db.dataSource.query(
      `SELECT action, actor_id, before, after FROM audit_log WHERE entity_id = $1`,
      [promoted.id],
    );
    expect(audit).toEqual([
      {
        action: 'user.sso_role',
        actor_id: null,
        before: { role: 'rep' },
        after: { role: 'manager', via: 'single sign-on claim groups' },
      },
    ]);
  });

  it('refuses someone whose claim maps to no role', async () => {
    const { callback } = await signInVia(t, 'riley-nogroup', {
      email: rep.email,
      email_verified: true,
      groups: ['marketing'],
    });
    expect(loginPageError(callback)).toEqual({ sso_error: 'no_role', sso_email: rep.email });
  });

  it('refuses an email with no Baton account, naming it', async () => {
    const { callback } = await signInVia(t, 'ghost', {
      email: 'Ghost@Elsewhere.example',
      email_verified: true,
      groups: ['sales'],
    });
    expect(loginPageError(callback)).toEqual({
      sso_error: 'no_account',
      sso_email: 'ghost@elsewhere.example',
    });
  });

  it('refuses an unverified email even when it matches a person', async () => {
    const { callback } = await signInVia(t, 'riley-unverified', {
      email: rep.email,
      email_verified: false,
      groups: ['sales'],
    });
    expect(loginPageError(callback)).toEqual({
      sso_error: 'unverified_email',
      sso_email: rep.email,
    });
  });

  it('refuses a deactivated person', async () => {
    const leaver = await seedUser(t.db.dataSource, 'rep', 'Lee Leaver');
    // History (they changed something), so removing them deactivates instead of deleting.
    await t.db.dataSource.query(
      `INSERT INTO audit_log (actor_id, action, entity_type, entity_id) VALUES ($1, 'user.update', 'user', $2)`,
      [leaver.id, leaver.id],
    );
    const { agent, csrf } = await t.signIn(admin.email, admin.password);
    const removed = await agent
      .delete(`/api/v1/users/${leaver.id}`)
      .set('X-CSRF-Token', csrf)
      .expect(200);
    expect(removed.body.outcome).toBe('deactivated');
    const { callback } = await signInVia(t, 'lee', {
      email: leaver.email,
      email_verified: true,
      groups: ['sales'],
    });
    expect(loginPageError(callback)).toEqual({ sso_error: 'deactivated', sso_email: leaver.email });
  });

  it('shows a clear error when the person cancels at the provider (access_denied)', async () => {
    const { callback, returnUrl } = await signInVia(t, 'nobody', null);
    expect(returnUrl.searchParams.get('error')).toBe('access_denied');
    expect(loginPageError(callback)).toEqual({ sso_error: 'denied' });
  });

  it('refuses a tampered state, a missing state cookie and a replayed code, never with a 5xx', async () => {
    await idp.addAccount('riley-again', {
      email: rep.email,
      email_verified: true,
      groups: ['sales'],
    });
    const start = await t.http().get('/api/v1/auth/oidc/start').expect(303);
    const returnUrl = await throughProviderPages(
      start.headers['location'] as string,
      REDIRECT_URL,
      {
        login: 'riley-again',
      },
    );
    const tampered = new URL(returnUrl);
    tampered.searchParams.set('state', 'forged-state');
    const path = (u: URL) => `${u.pathname}${u.search}`;
    const stateCookie = cookieHeader(start);

    const forged = await t.http().get(path(tampered)).set('Cookie', stateCookie);
    expect(loginPageError(forged)).toEqual({ sso_error: 'failed' });
    const noCookie = await t.http().get(path(returnUrl));
    expect(loginPageError(noCookie)).toEqual({ sso_error: 'failed' });
    const forgedCookie = await t
      .http()
      .get(path(returnUrl))
      .set('Cookie', stateCookie.replace(/baton_oidc=[^.]+/, 'baton_oidc=e30'));
    expect(loginPageError(forgedCookie)).toEqual({ sso_error: 'failed' });

    const first = await t.http().get(path(returnUrl)).set('Cookie', stateCookie);
    expect(first.headers['location']).toBe('/');
    // The same code again (say, from a leaked URL and cookie): the provider refuses it.
    const replayed = await t.http().get(path(returnUrl)).set('Cookie', stateCookie);
    expect(loginPageError(replayed)).toEqual({ sso_error: 'failed' });

    const junk = await t.http().get('/api/v1/auth/oidc/callback?code[]=1&state=x&iss=x');
    expect(loginPageError(junk)).toEqual({ sso_error: 'failed' });
    // Text no one could store (a NUL) is refused before any of this, like everywhere in the API.
    await t.http().get('/api/v1/auth/oidc/callback?state=%00').expect(400);
  });

  it('with BATON_LOCAL_PASSWORDS=off refuses password sign-in with 403 and still signs in by SSO', async () => {
    const person = await seedUser(passwordsOff.db.dataSource, 'manager', 'Morgan Manager');
    const refused = await passwordsOff
      .http()
      .post('/api/v1/auth/login')
      .send({ email: person.email, password: person.password })
      .expect(403);
    expect(refused.body.message).toMatch(/Password sign-in is turned off.*Sign in with Acme SSO/);
    expect(refused.body.message).toMatch(/BATON_LOCAL_PASSWORDS=on/);
    const { callback } = await signInVia(passwordsOff, 'morgan', {
      email: person.email,
      email_verified: true,
    });
    expect(callback.headers['location']).toBe('/');
    const me = await passwordsOff
      .http()
      .get('/api/v1/auth/me')
      .set('Cookie', cookieHeader(callback))
      .expect(200);
    // No role mapping configured: the role stays Baton's.
    expect(me.body.role).toBe('manager');
  });

  it('answers 404 naming the settings when single sign-on is not configured', async () => {
    const plain = await startApiTestApp('oidc-unconfigured');
    try {
      const res = await plain.http().get('/api/v1/auth/oidc/start').expect(404);
      expect(res.body.message).toMatch(/OIDC_ISSUER_URL, OIDC_CLIENT_ID, OIDC_CLIENT_SECRET/);
      await plain.http().get('/api/v1/auth/oidc/callback?code=x&state=y').expect(404);
      await plain.http().get('/api/v1/auth/providers').expect(200, { passwords: true, sso: null });
    } finally {
      await plain.close();
    }
  });

  it('sends the browser back with a clear error when the provider cannot be reached', async () => {
    // Port 9 (discard) on loopback: nothing answers, as when the provider is down.
    const down = await startApiTestApp('oidc-provider-down', {
      BATON_PUBLIC_URL: PUBLIC_URL,
      OIDC_ISSUER_URL: 'http://127.0.0.1:9/realms/acme',
      OIDC_CLIENT_ID: 'baton',
      OIDC_CLIENT_SECRET: 'secret',
    });
    try {
      const res = await down.http().get('/api/v1/auth/oidc/start');
      expect(loginPageError(res)).toEqual({ sso_error: 'unavailable' });
    } finally {
      await down.close();
    }
  });

  it('documents the sign-in routes in OpenAPI', async () => {
    const res = await t.http().get('/api/docs-json').expect(200);
    expect(res.body.paths['/api/v1/auth/providers'].get.responses['200']).toBeDefined();
    expect(Object.keys(res.body.paths['/api/v1/auth/oidc/start'].get.responses)).toEqual(
      expect.arrayContaining(['303', '404']),
    );
    expect(Object.keys(res.body.paths['/api/v1/auth/oidc/callback'].get.responses)).toEqual(
      expect.arrayContaining(['303', '404']),
    );
    expect(res.body.components.schemas['SignInOptions']).toBeDefined();
  });
});
