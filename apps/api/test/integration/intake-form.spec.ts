import { leadAcceptedSchema } from '@baton/api-contract';
import { type ApiTestApp, startApiTestApp } from '../support/api-test-app';

describe('POST /api/v1/intake/:sourceSlug (public web forms)', () => {
  let t: ApiTestApp;
  const origin = 'https://www.example.com';
  beforeAll(async () => {
    t = await startApiTestApp('form');
    await t.db.dataSource.query(
      `INSERT INTO sources (slug, name, api_key_hash, api_key_prefix, allowed_origins, thank_you_url) VALUES
       ('site', 'Website', 'h1', 'p', $1, 'https://www.example.com/thanks'), ('widget', 'Widget', 'h2', 'p', $1, NULL)`,
      [[origin]],
    );
  });
  afterAll(() => t.close());

  const leadsNamed = async (name: string) =>
    await t.db.dataSource.query(
      `SELECT name, email, custom_fields, context FROM leads WHERE name = $1`,
      [name],
    );

  it('stores a plain HTML form post and redirects to the thank-you page', async () => {
    const res = await t
      .http()
      .post('/api/v1/intake/site')
      .set('Origin', origin)
      .type('form')
      .send({
        name: 'Form Ada',
        email: 'ada@example.com',
        message: 'Hi',
        utm_source: 'newsletter',
        seats: '12',
        website_url: '',
      })
      .expect(303);
    expect(res.headers['location']).toBe('https://www.example.com/thanks');
    expect(await leadsNamed('Form Ada')).toEqual([
      {
        name: 'Form Ada',
        email: 'ada@example.com',
        custom_fields: { seats: '12' },
        context: { utm: { source: 'newsletter' } },
      },
    ]);
  });

  it('answers JSON posts (fetch from a widget) with 202 and CORS for the allowed origin', async () => {
    const res = await t
      .http()
      .post('/api/v1/intake/widget')
      .set('Origin', origin)
      .send({ contact: { name: 'Widget Bob', phone: '+1 555 0100' } })
      .expect(202);
    expect(res.body.status).toBe('accepted');
    expect(res.headers['access-control-allow-origin']).toBe(origin);
  });

  it('refuses other origins, unknown sources and invalid forms precisely, storing nothing', async () => {
    const other = await t
      .http()
      .post('/api/v1/intake/site')
      .set('Origin', 'https://evil.example')
      .type('form')
      .send({ name: 'X', email: 'x@example.com' })
      .expect(403);
    expect(other.body.message).toBe('Posts to "site" must come from one of its allowed origins');
    await t
      .http()
      .post('/api/v1/intake/nope')
      .set('Origin', origin)
      .type('form')
      .send({ name: 'X', email: 'x@example.com' })
      .expect(404);
    const bad = await t
      .http()
      .post('/api/v1/intake/site')
      .set('Origin', origin)
      .type('form')
      .send({ name: 'Bad Form', email: 'not-an-email' })
      .expect(400);
    expect(bad.body.issues).toEqual(
      expect.arrayContaining([{ path: 'contact.email', message: 'email must be a valid address' }]),
    );
    expect(await leadsNamed('Bad Form')).toEqual([]);
  });

  it('pretends to accept a filled honeypot, and stores nothing', async () => {
    await t
      .http()
      .post('/api/v1/intake/site')
      .set('Origin', origin)
      .type('form')
      .send({ name: 'Bot', email: 'bot@example.com', website_url: 'http://spam.example' })
      .expect(303);
    expect(await leadsNamed('Bot')).toEqual([]);
  });

  it('answers a JSON bot post like a real one, id and all, and stores nothing', async () => {
    const res = await t
      .http()
      .post('/api/v1/intake/site')
      .set('Origin', origin)
      .send({ contact: { name: 'Bot', email: 'bot@example.com' }, website_url: 'http://x.example' })
      .expect(202);
    expect(leadAcceptedSchema.safeParse(res.body).success).toBe(true);
    expect(await leadsNamed('Bot')).toEqual([]);
  });
});
