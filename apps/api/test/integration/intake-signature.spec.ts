import { randomBytes } from 'node:crypto';
import type TestAgent from 'supertest/lib/agent';
import { signWebhookPayload } from '@baton/notify';
import { loadApiConfig } from '../../src/config/api-config';
import { deriveSourceSigningSecret } from '../../src/intake/request-signature';
import {
  purgeSeenSignatures,
  SEEN_SIGNATURE_RETENTION_SECONDS,
} from '../../src/intake/seen-signatures';
import { type ApiTestApp, startApiTestApp } from '../support/api-test-app';
import { seedSource, seedUser, type TestSource } from '../support/seed-test-data';

// Needs the app created with `rawBody: true` (create-app.ts), so the guard sees the exact bytes.

interface Session {
  agent: TestAgent;
  csrf: string;
}

const nowSeconds = () => Math.floor(Date.now() / 1000);
const leadBody = (name: string) =>
  JSON.stringify({ contact: { name, email: `${name.toLowerCase()}@example.com` } });

describe('intake: signed requests (X-Baton-Signature)', () => {
  const signingKey = randomBytes(32).toString('base64url');
  let t: ApiTestApp;
  let asAdmin: Session;
  let asManager: Session;
  let signed: TestSource;
  let secret: string;

  const post = (
    source: TestSource,
    body: string,
    headers: Record<string, string> = {},
  ): ReturnType<TestAgent['post']> =>
    t
      .http()
      .post('/api/v1/leads')
      .set('Authorization', `Bearer ${source.apiKey}`)
      .set('Content-Type', 'application/json')
      .set(headers)
      .send(body);
  const signedPost = (
    body: string,
    key = secret,
    timestamp = nowSeconds(),
    headers: Record<string, string> = {},
  ) =>
    post(signed, body, {
      'X-Baton-Signature': signWebhookPayload(key, body, timestamp),
      ...headers,
    });
  const admin = (path: string, body?: object, session = asAdmin) =>
    session.agent
      .post(`/api/v1/sources/${path}`)
      .set('X-CSRF-Token', session.csrf)
      .send(body ?? {});
  const leadsNamed = async (name: string): Promise<number> =>
    (await t.db.dataSource.query(`SELECT count(*)::int AS n FROM leads WHERE name = $1`, [name]))[0]
      .n;

  beforeAll(async () => {
    t = await startApiTestApp('intake-signature', { BATON_SIGNING_KEY: signingKey });
    const a = await seedUser(t.db.dataSource, 'admin');
    const m = await seedUser(t.db.dataSource, 'manager');
    asAdmin = await t.signIn(a.email, a.password);
    asManager = await t.signIn(m.email, m.password);
    signed = await seedSource(t.db.dataSource);
  });
  afterAll(() => t.close());

  it('enabling signing answers with the derived secret once; nothing secret is stored or logged', async () => {
    await admin(`${signed.id}/signing`, { required: true }, asManager).expect(403);
    await admin(`${signed.id}/signing`, { required: 'yes' }).expect(400);

    const res = await admin(`${signed.id}/signing`, { required: true }).expect(200);
    expect(res.body).toEqual({
      sourceId: signed.id,
      signatureRequired: true,
      signingKeyVersion: 1,
      signingAvailable: true,
      signingSecret: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
    secret = res.body.signingSecret;
    expect(secret).toBe(deriveSourceSigningSecret(signingKey, signed.id, 1));

    // Never again: not on the signing status, the source, the list, the database or the audit log.
    const status = await asManager.agent.get(`/api/v1/sources/${signed.id}/signing`).expect(200);
    expect(status.body).toEqual({
      sourceId: signed.id,
      signatureRequired: true,
      signingKeyVersion: 1,
      signingAvailable: true,
    });
    for (const url of ['/api/v1/sources', `/api/v1/sources/${signed.id}`]) {
      const read = await asManager.agent.get(url).expect(200);
      expect(JSON.stringify(read.body)).not.toContain(secret);
    }
    const [row] = await t.db.dataSource.query(`SELECT * FROM sources WHERE id = $1`, [signed.id]);
    expect(JSON.stringify(row)).not.toContain(secret);
    expect(row).toMatchObject({ signature_required: true, signing_key_version: 1 });
    const audit = await t.db.dataSource.query(
      `SELECT action, before, after FROM audit_log WHERE entity_id = $1 ORDER BY id`,
      [signed.id],
    );
    expect(audit).toEqual([
      {
        action: 'source.signing_enable',
        before: { signatureRequired: false, signingKeyVersion: 0 },
        after: { signatureRequired: true, signingKeyVersion: 1 },
      },
    ]);

    // Enabling again cannot show the secret again, and does not silently replace it.
    const again = await admin(`${signed.id}/signing`, { required: true }).expect(409);
    expect(again.body.message).toMatch(/already requires signed requests.*signing\/rotate/);
  });

  it('accepts a correctly signed request with 202', async () => {
    const res = await signedPost(leadBody('Signed')).expect(202);
    expect(res.body).toEqual({ id: expect.any(String), status: 'accepted' });
    expect(await leadsNamed('Signed')).toBe(1);
  });

  it('refuses an unsigned or malformed request with 401, storing nothing', async () => {
    const missing = await post(signed, leadBody('Unsigned')).expect(401);
    expect(missing.body.message).toMatch(/signature missing/);
    const malformed = await post(signed, leadBody('Unsigned'), {
      'X-Baton-Signature': 'v1=abc',
    }).expect(401);
    expect(malformed.body.message).toMatch(/malformed; expected t=<unix seconds>,v1=/);
    expect(await leadsNamed('Unsigned')).toBe(0);
  });

  it('refuses a wrong secret and a tampered body with 401', async () => {
    const wrong = await signedPost(leadBody('Wrong'), randomBytes(32).toString('hex')).expect(401);
    expect(wrong.body.message).toMatch(/signature does not match/);

    const original = leadBody('Original');
    const tampered = leadBody('Tampered');
    const header = signWebhookPayload(secret, original, nowSeconds());
    const res = await post(signed, tampered, { 'X-Baton-Signature': header }).expect(401);
    expect(res.body.message).toMatch(/signature does not match/);
    // The same JSON with other whitespace is other bytes: the raw body is what is signed.
    await post(signed, JSON.stringify(JSON.parse(original), null, 2), {
      'X-Baton-Signature': header,
    }).expect(401);
    expect(await leadsNamed('Tampered')).toBe(0);
    expect(await leadsNamed('Original')).toBe(0);
  });

  it('refuses a timestamp more than 300 s away with 401, either way', async () => {
    for (const timestamp of [nowSeconds() - 301, nowSeconds() + 301]) {
      const res = await signedPost(leadBody('Stale'), secret, timestamp).expect(401);
      expect(res.body.message).toMatch(/signature timestamp is outside ±300 s/);
    }
    expect(await leadsNamed('Stale')).toBe(0);
    await signedPost(leadBody('Skewed'), secret, nowSeconds() - 240).expect(202);
  });

  it('refuses the same signed request a second time (replay), also when sent at once', async () => {
    const body = leadBody('Replayed');
    const header = signWebhookPayload(secret, body, nowSeconds());
    await post(signed, body, { 'X-Baton-Signature': header }).expect(202);
    const replay = await post(signed, body, { 'X-Baton-Signature': header }).expect(401);
    expect(replay.body.message).toMatch(/this signed request was already received/);
    // An extra v1 value does not make it a new request.
    await post(signed, body, {
      'X-Baton-Signature': `${header},v1=${'0'.repeat(64)}`,
    }).expect(401);
    expect(await leadsNamed('Replayed')).toBe(1);

    const racing = leadBody('Racing');
    const raceHeader = signWebhookPayload(secret, racing, nowSeconds());
    const answers = await Promise.all(
      Array.from({ length: 6 }, () => post(signed, racing, { 'X-Baton-Signature': raceHeader })),
    );
    expect(answers.map((a) => a.status).sort()).toEqual([202, 401, 401, 401, 401, 401]);
    expect(await leadsNamed('Racing')).toBe(1);
  });

  it('answers an Idempotency-Key retry that is signed anew with the first answer', async () => {
    const body = leadBody('Retried');
    const first = await signedPost(body, secret, nowSeconds() - 5, {
      'Idempotency-Key': 'retry-1',
    }).expect(202);
    const retry = await signedPost(body, secret, nowSeconds(), {
      'Idempotency-Key': 'retry-1',
    }).expect(202);
    expect(retry.body).toEqual(first.body);
    expect(await leadsNamed('Retried')).toBe(1);
  });

  it('does not use up the signature of a request refused for its body', async () => {
    const invalid = JSON.stringify({ contact: {} });
    const header = signWebhookPayload(secret, invalid, nowSeconds());
    await post(signed, invalid, { 'X-Baton-Signature': header }).expect(400);
    await post(signed, invalid, { 'X-Baton-Signature': header }).expect(400);
  });

  it('rotating makes the old secret fail and the new one work', async () => {
    const res = await admin(`${signed.id}/signing/rotate`).expect(200);
    expect(res.body).toMatchObject({ signatureRequired: true, signingKeyVersion: 2 });
    const rotated: string = res.body.signingSecret;
    expect(rotated).toMatch(/^[0-9a-f]{64}$/);
    expect(rotated).not.toBe(secret);

    const old = await signedPost(leadBody('OldSecret'), secret).expect(401);
    expect(old.body.message).toMatch(/signature does not match/);
    await signedPost(leadBody('NewSecret'), rotated).expect(202);
    secret = rotated;

    const [entry] = await t.db.dataSource.query(
      `SELECT after FROM audit_log WHERE entity_id = $1 AND action = 'source.signing_rotate'`,
      [signed.id],
    );
    expect(entry.after).toEqual({ signatureRequired: true, signingKeyVersion: 2 });
    expect(JSON.stringify(entry)).not.toContain(rotated);
  });

  it('closes the public form endpoint of a source that requires signing', async () => {
    await t.db.dataSource.query(`UPDATE sources SET allowed_origins = $2 WHERE id = $1`, [
      signed.id,
      ['https://www.example.com'],
    ]);
    const res = await t
      .http()
      .post(`/api/v1/intake/${signed.slug}`)
      .set('Origin', 'https://www.example.com')
      .send({ contact: { name: 'Formed', email: 'formed@example.com' } })
      .expect(403);
    expect(res.body.message).toMatch(/only accepts signed requests/);
    expect(await leadsNamed('Formed')).toBe(0);
  });

  it('disabling accepts unsigned requests again; re-enabling issues another secret', async () => {
    const off = await admin(`${signed.id}/signing`, { required: false }).expect(200);
    expect(off.body).toEqual({
      sourceId: signed.id,
      signatureRequired: false,
      signingKeyVersion: 2,
      signingAvailable: true,
    });
    await admin(`${signed.id}/signing`, { required: false }).expect(200);
    await post(signed, leadBody('Relaxed')).expect(202);
    const rotateOff = await admin(`${signed.id}/signing/rotate`).expect(409);
    expect(rotateOff.body.message).toMatch(/does not require signed requests/);

    const on = await admin(`${signed.id}/signing`, { required: true }).expect(200);
    expect(on.body.signingKeyVersion).toBe(3);
    expect(on.body.signingSecret).not.toBe(secret);
    await signedPost(leadBody('Reenabled'), secret).expect(401);
    await signedPost(leadBody('Reenabled'), on.body.signingSecret).expect(202);

    const actions = await t.db.dataSource.query(
      `SELECT action FROM audit_log WHERE entity_id = $1 ORDER BY id`,
      [signed.id],
    );
    expect(actions.map((a: { action: string }) => a.action)).toEqual([
      'source.signing_enable',
      'source.signing_rotate',
      'source.signing_disable',
      'source.signing_enable',
    ]);
  });

  it('lets sources without the requirement send unsigned requests (a signature header is ignored)', async () => {
    const plain = await seedSource(t.db.dataSource);
    await post(plain, leadBody('Plain')).expect(202);
    await post(plain, leadBody('PlainJunk'), { 'X-Baton-Signature': 't=1,v1=nonsense' }).expect(
      202,
    );
  });

  it('purges seen signatures once they are too old to be replayed', async () => {
    const source = await seedSource(t.db.dataSource);
    await t.db.dataSource.query(
      `INSERT INTO request_signatures_seen (source_id, signature, seen_at)
       VALUES ($1, 'old', now() - make_interval(secs => $2 + 5)), ($1, 'fresh', now() - interval '5 minutes')`,
      [source.id, SEEN_SIGNATURE_RETENTION_SECONDS],
    );
    await purgeSeenSignatures(t.db.dataSource);
    const rows = await t.db.dataSource.query(
      `SELECT signature FROM request_signatures_seen WHERE source_id = $1`,
      [source.id],
    );
    expect(rows).toEqual([{ signature: 'fresh' }]);
  });
});

describe('intake: signing without BATON_SIGNING_KEY', () => {
  let t: ApiTestApp;
  beforeAll(async () => {
    t = await startApiTestApp('intake-signature-nokey');
  });
  afterAll(() => t.close());

  it('refuses to enable signing with 409, and fails closed (503) for a source that requires it', async () => {
    const a = await seedUser(t.db.dataSource, 'admin');
    const s = await t.signIn(a.email, a.password);
    const source = await seedSource(t.db.dataSource);

    const status = await s.agent.get(`/api/v1/sources/${source.id}/signing`).expect(200);
    expect(status.body).toMatchObject({ signatureRequired: false, signingAvailable: false });
    for (const [path, body] of [
      ['signing', { required: true }],
      ['signing/rotate', {}],
    ] as const) {
      const res = await s.agent
        .post(`/api/v1/sources/${source.id}/${path}`)
        .set('X-CSRF-Token', s.csrf)
        .send(body)
        .expect(409);
      expect(res.body.message).toMatch(/needs BATON_SIGNING_KEY .* it is not set/);
    }

    // Required from an earlier configuration, key since removed: nothing unsigned gets through.
    await t.db.dataSource.query(
      `UPDATE sources SET signature_required = true, signing_key_version = 1 WHERE id = $1`,
      [source.id],
    );
    const res = await t
      .http()
      .post('/api/v1/leads')
      .set('Authorization', `Bearer ${source.apiKey}`)
      .send({ contact: { name: 'Nokey', email: 'nokey@example.com' } })
      .expect(503);
    expect(res.body.message).toMatch(/no BATON_SIGNING_KEY/);
  });

  it('takes BATON_SIGNING_KEY of 32 characters or more; empty means unset', () => {
    const env = { DATABASE_URL: 'postgres://localhost/x' };
    expect(() => loadApiConfig({ ...env, BATON_SIGNING_KEY: 'short' })).toThrow(
      /BATON_SIGNING_KEY: use a BATON_SIGNING_KEY of at least 32 characters/,
    );
    expect(loadApiConfig({ ...env, BATON_SIGNING_KEY: '' }).BATON_SIGNING_KEY).toBeUndefined();
    expect(loadApiConfig(env).BATON_SIGNING_KEY).toBeUndefined();
    expect(loadApiConfig({ ...env, BATON_SIGNING_KEY: 'x'.repeat(32) }).BATON_SIGNING_KEY).toBe(
      'x'.repeat(32),
    );
  });
});
