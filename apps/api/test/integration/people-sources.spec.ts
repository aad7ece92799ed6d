import { createHash } from 'node:crypto';
import type TestAgent from 'supertest/lib/agent';
import { type ApiTestApp, startApiTestApp } from '../support/api-test-app';
import { seedUser, type TestUser } from '../support/seed-test-data';

interface Session {
  agent: TestAgent;
  csrf: string;
}
const send = (s: Session, method: 'post' | 'patch', url: string, body?: object) => {
  const req = s.agent[method](url).set('X-CSRF-Token', s.csrf);
  return body ? req.send(body) : req;
};
const sha256 = (v: string) => createHash('sha256').update(v).digest('hex');

describe('people API: sources and their keys', () => {
  let t: ApiTestApp;
  let admin: TestUser;
  let asAdmin: Session;
  let asManager: Session;
  let sourceId: string;
  let firstKey: string;

  const intake = (key: string) =>
    t
      .http()
      .post('/api/v1/leads')
      .set('Authorization', `Bearer ${key}`)
      .send({ contact: { name: 'Ada', email: 'ada@example.com' } });

  const auditOf = (id: string) =>
    t.db.dataSource.query(
      `SELECT action, actor_id, before, after FROM audit_log WHERE entity_type = 'source' AND entity_id = $1 ORDER BY id`,
      [id],
    ) as Promise<{ action: string; actor_id: string; before: unknown; after: unknown }[]>;

  beforeAll(async () => {
    t = await startApiTestApp('people-sources');
    admin = await seedUser(t.db.dataSource, 'admin');
    const manager = await seedUser(t.db.dataSource, 'manager');
    asAdmin = await t.signIn(admin.email, admin.password);
    asManager = await t.signIn(manager.email, manager.password);
  });
  afterAll(() => t.close());

  it('creates a source and shows its API key once, stored only as sha256', async () => {
    const res = await send(asAdmin, 'post', '/api/v1/sources', {
      slug: 'website',
      name: 'Website form',
      allowedOrigins: [
        'https://www.example.com/',
        'http://localhost:3000',
        'https://WWW.example.com',
      ],
      thankYouUrl: 'https://www.example.com/thanks',
    }).expect(201);
    firstKey = res.body.apiKey;
    expect(firstKey).toMatch(/^bat_[A-Za-z0-9_-]{32}$/);
    expect(res.body.source).toEqual({
      id: expect.any(String),
      slug: 'website',
      name: 'Website form',
      apiKeyPrefix: firstKey.slice(0, 12),
      allowedOrigins: ['https://www.example.com', 'http://localhost:3000'],
      thankYouUrl: 'https://www.example.com/thanks',
      flowId: null,
      active: true,
      createdAt: expect.any(String),
    });
    sourceId = res.body.source.id;

    const [row] = await t.db.dataSource.query(`SELECT api_key_hash FROM sources WHERE id = $1`, [
      sourceId,
    ]);
    expect(row.api_key_hash).toBe(sha256(firstKey));

    // Never again: not in the list, not in the detail.
    for (const url of ['/api/v1/sources', `/api/v1/sources/${sourceId}`]) {
      const read = await asManager.agent.get(url).expect(200);
      expect(JSON.stringify(read.body)).not.toContain(firstKey);
      expect(JSON.stringify(read.body)).not.toContain(row.api_key_hash);
      expect(JSON.stringify(read.body)).toContain(firstKey.slice(0, 12));
    }
  });

  it('accepts leads with the new key', async () => {
    await intake(firstKey).expect(202);
  });

  it('rotates the key: the new one works at once, the old one gets 401', async () => {
    const res = await send(asAdmin, 'post', `/api/v1/sources/${sourceId}/rotate-key`).expect(200);
    const newKey: string = res.body.apiKey;
    expect(newKey).not.toBe(firstKey);
    expect(res.body.source.apiKeyPrefix).toBe(newKey.slice(0, 12));
    const old = await intake(firstKey).expect(401);
    expect(old.body.message).toBe('Unknown or revoked API key');
    await intake(newKey).expect(202);
  });

  it('changes name, origins, thank-you page and active; an inactive source takes no leads', async () => {
    const rotated = await send(asAdmin, 'post', `/api/v1/sources/${sourceId}/rotate-key`).expect(
      200,
    );
    const res = await send(asAdmin, 'patch', `/api/v1/sources/${sourceId}`, {
      name: 'Website (old)',
      allowedOrigins: [],
      thankYouUrl: null,
      active: false,
    }).expect(200);
    expect(res.body).toMatchObject({
      name: 'Website (old)',
      allowedOrigins: [],
      thankYouUrl: null,
      active: false,
    });
    await intake(rotated.body.apiKey).expect(401);
    await send(asAdmin, 'patch', `/api/v1/sources/${sourceId}`, { active: true }).expect(200);
    await intake(rotated.body.apiKey).expect(202);
  });

  it('writes audit entries for create, rotate and update without any key or hash', async () => {
    const entries = await auditOf(sourceId);
    expect(entries.map((e) => e.action)).toEqual([
      'source.create',
      'source.rotate_key',
      'source.rotate_key',
      'source.update',
      'source.update',
    ]);
    expect(entries.every((e) => e.actor_id === admin.id)).toBe(true);
    expect(entries[1]).toMatchObject({
      before: { apiKeyPrefix: firstKey.slice(0, 12) },
      after: { apiKeyPrefix: expect.stringMatching(/^bat_/) },
    });
    expect(entries[3]).toMatchObject({
      before: { active: true, name: 'Website form' },
      after: { active: false },
    });
    const text = JSON.stringify(entries);
    expect(text).not.toContain(firstKey);
    expect(text).not.toMatch(/apiKeyHash|api_key_hash|"apiKey"/);
    const [row] = await t.db.dataSource.query(`SELECT api_key_hash FROM sources WHERE id = $1`, [
      sourceId,
    ]);
    expect(text).not.toContain(row.api_key_hash);
    expect(text).not.toContain(sha256(firstKey));

    // The admin's audit API shows the same entries.
    const api = await asAdmin.agent
      .get(`/api/v1/audit?entityType=source&entityId=${sourceId}`)
      .expect(200);
    expect(api.body.items).toHaveLength(5);
  });

  it.each([
    ['an upper-case slug', { slug: 'Website' }, 'slug', /lower-case letters/],
    ['a slug with a space', { slug: 'my form' }, 'slug', /lower-case letters/],
    ['a slug starting with a dash', { slug: '-form' }, 'slug', /starting with a letter or digit/],
    ['a 64-character slug', { slug: 'a'.repeat(64) }, 'slug', /1-63/],
    [
      'an origin with a path',
      { allowedOrigins: ['https://example.com/form'] },
      'allowedOrigins.0',
      /origin only/,
    ],
    ['a non-http origin', { allowedOrigins: ['ftp://example.com'] }, 'allowedOrigins.0', /http/],
    ['a wildcard origin', { allowedOrigins: ['*'] }, 'allowedOrigins.0', /not a URL/],
    [
      'a javascript: thank-you page',
      { thankYouUrl: 'javascript:alert(1)' },
      'thankYouUrl',
      /http\(s\) URL/,
    ],
    ['a bad flow id', { flowId: 'flow-1' }, 'flowId', /uuid/],
  ])('refuses %s with 400', async (_label, patch, path, message) => {
    const res = await send(asAdmin, 'post', '/api/v1/sources', {
      slug: 'valid-slug',
      name: 'Form',
      ...patch,
    }).expect(400);
    expect(res.body.issues).toEqual(
      expect.arrayContaining([{ path, message: expect.stringMatching(message) }]),
    );
  });

  it('refuses a taken slug with 409 and an unknown flow with 400', async () => {
    const taken = await send(asAdmin, 'post', '/api/v1/sources', {
      slug: 'website',
      name: 'Again',
    }).expect(409);
    expect(taken.body.message).toBe('There is already a source with the slug "website"');
    const flow = await send(asAdmin, 'post', '/api/v1/sources', {
      slug: 'ads',
      name: 'Ads',
      flowId: '00000000-0000-4000-8000-000000000000',
    }).expect(400);
    expect(flow.body.issues).toEqual([
      { path: 'flowId', message: expect.stringMatching(/no flow/) },
    ]);
    const [count] = await t.db.dataSource.query(
      `SELECT count(*)::int AS n FROM sources WHERE slug = 'ads'`,
    );
    expect(count.n).toBe(0);
  });

  it('links a source to an existing flow', async () => {
    const [flow] = await t.db.dataSource.query(
      `INSERT INTO flows (name, draft_graph) VALUES ('Inbound', '{"nodes":[],"edges":[]}') RETURNING id`,
    );
    const res = await send(asAdmin, 'patch', `/api/v1/sources/${sourceId}`, {
      flowId: flow.id,
    }).expect(200);
    expect(res.body.flowId).toBe(flow.id);
  });

  it('lets managers read but not change sources', async () => {
    const patch = await send(asManager, 'patch', `/api/v1/sources/${sourceId}`, {
      name: 'Mine',
    }).expect(403);
    expect(patch.body.message).toBe('This needs the role admin');
    await asManager.agent.get('/api/v1/sources/00000000-0000-4000-8000-000000000000').expect(404);
  });
});
