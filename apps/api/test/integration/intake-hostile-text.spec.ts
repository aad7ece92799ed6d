import { request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { leadAcceptedSchema } from '@baton/api-contract';
import { type ApiTestApp, startApiTestApp } from '../support/api-test-app';
import { seedSource, seedUser, type TestSource } from '../support/seed-test-data';

/**
 * Text the database cannot store as sent, key names that would vanish, and form tricks: each
 * gets a 400 that names the field, never a 500 or a silent change, and nothing is stored.
 */
describe('hostile text at intake and in every API body', () => {
  let t: ApiTestApp;
  let source: TestSource;
  const origin = 'https://www.example.com';

  beforeAll(async () => {
    t = await startApiTestApp('intake-hostile', { INTAKE_FORM_RATE_LIMIT_PER_MINUTE: '10000' });
    source = await seedSource(t.db.dataSource);
    await t.db.dataSource.query(
      `INSERT INTO sources (slug, name, api_key_hash, api_key_prefix, allowed_origins) VALUES ('hostile-form', 'Form', 'h', 'p', $1)`,
      [[origin]],
    );
  });
  afterAll(() => t.close());

  const leadCount = async () =>
    ((await t.db.dataSource.query(`SELECT count(*)::int AS n FROM leads`)) as { n: number }[])[0]
      ?.n;

  /** A raw HTTP request, so the body's bytes arrive exactly as given (supertest re-encodes). */
  async function rawPost(
    path: string,
    headers: Record<string, string>,
    body: string | Buffer,
  ): Promise<{ status: number; body: Record<string, unknown> }> {
    const server = t.app.getHttpServer();
    if (!server.listening) await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
    const { port } = server.address() as AddressInfo;
    const bytes = typeof body === 'string' ? Buffer.from(body, 'utf8') : body;
    return await new Promise((resolve, reject) => {
      const req = httpRequest(
        {
          host: '127.0.0.1',
          port,
          path,
          method: 'POST',
          headers: { ...headers, 'Content-Length': bytes.length },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => {
            const text = Buffer.concat(chunks).toString('utf8');
            resolve({ status: res.statusCode ?? 0, body: text ? JSON.parse(text) : {} });
          });
        },
      );
      req.on('error', reject);
      req.end(bytes);
    });
  }

  const postJson = (body: string | Buffer) =>
    rawPost(
      '/api/v1/leads',
      { Authorization: `Bearer ${source.apiKey}`, 'Content-Type': 'application/json' },
      body,
    );
  const postFormJson = (body: string) =>
    rawPost(
      '/api/v1/intake/hostile-form',
      { Origin: origin, 'Content-Type': 'application/json' },
      body,
    );
  const postForm = (body: string | Buffer) =>
    rawPost(
      '/api/v1/intake/hostile-form',
      { Origin: origin, 'Content-Type': 'application/x-www-form-urlencoded' },
      body,
    );

  function expectStatus<R extends { status: number }>(res: R, status: number): R {
    expect({ status: res.status, res }).toEqual({ status, res: expect.anything() });
    return res;
  }

  /** Asserts the 400, that its issues include these, and that no lead was stored. */
  async function expectRefused(
    send: () => PromiseLike<{ status: number; body: Record<string, unknown> }>,
    issues: { path: string; message: string }[],
  ) {
    const before = await leadCount();
    const res = await send();
    expect({ status: res.status, issues: res.body['issues'] }).toEqual({
      status: 400,
      issues: expect.arrayContaining(issues),
    });
    expect(res.body['message']).toEqual(expect.stringContaining(issues[0]?.message ?? ''));
    expect(await leadCount()).toBe(before);
  }

  const NUL = 'must not contain NUL characters (U+0000)';
  const lead = (extra: string) =>
    `{"contact":{"name":"Ada","email":"ada@example.com"}${extra ? `,${extra}` : ''}}`;

  describe('NUL characters', () => {
    it.each([
      ['contact.name', '{"contact":{"name":"A\\u0000da","email":"ada@example.com"}}'],
      ['message', lead('"message":"hi\\u0000"')],
      ['customFields.plan', lead('"customFields":{"plan":"\\u0000"}')],
      ['source.utm.source', lead('"source":{"utm":{"source":"g\\u0000"}}')],
      ['externalId', lead('"externalId":"\\u0000x"')],
    ])('in %s of POST /leads', async (path, body) => {
      await expectRefused(() => postJson(body), [{ path, message: NUL }]);
    });

    it('in a custom-field key, named as the key', async () => {
      await expectRefused(
        () => postJson(lead('"customFields":{"pl\\u0000an":"x"}')),
        [{ path: 'customFields.pl\u0000an', message: `the key name ${NUL}` }],
      );
    });

    it('in a JSON post to the form endpoint', async () => {
      await expectRefused(
        () => postFormJson('{"contact":{"name":"Ada","email":"a@b.co","company":"A\\u0000"}}'),
        [{ path: 'contact.company', message: NUL }],
      );
    });

    it('in a form post (%00), named as the form field', async () => {
      await expectRefused(
        () => postForm('name=Ada&email=a%40b.co&message=hi%00there'),
        [{ path: 'message', message: NUL }],
      );
    });
  });

  describe('lone surrogates', () => {
    it('in a custom-field value, saying at which character', async () => {
      await expectRefused(
        () => postJson(lead('"customFields":{"plan":"ab\\ud800c"}')),
        [
          {
            path: 'customFields.plan',
            message: 'is not valid Unicode (a lone surrogate at character 3)',
          },
        ],
      );
    });

    it('in a custom-field key', async () => {
      await expectRefused(
        () => postJson(lead('"customFields":{"\\udc00":"x"}')),
        [
          {
            path: 'customFields.\udc00',
            message: 'the key name is not valid Unicode (a lone surrogate at character 1)',
          },
        ],
      );
    });

    it('in the name, after an emoji that counts as one character', async () => {
      await expectRefused(
        () => postJson('{"contact":{"name":"🚀\\udfff","email":"a@b.co"}}'),
        [
          {
            path: 'contact.name',
            message: 'is not valid Unicode (a lone surrogate at character 2)',
          },
        ],
      );
    });

    it('encoded in a form post (%ED%A0%80 is not UTF-8)', async () => {
      await expectRefused(
        () => postForm('name=A%ED%A0%80&email=a%40b.co'),
        [{ path: 'name', message: 'is not valid UTF-8 once percent-decoded (at decoded byte 1)' }],
      );
    });
  });

  describe('bytes that are not UTF-8', () => {
    it('in a raw JSON body: 400 with the byte offset, instead of a silent U+FFFD', async () => {
      const body = Buffer.concat([
        Buffer.from('{"contact":{"name":"Ad'),
        Buffer.from([0xff]),
        Buffer.from('a","email":"a@b.co"}}'),
      ]);
      const before = await leadCount();
      const res = expectStatus(await postJson(body), 400);
      expect(res.body.message).toBe('Request body is not valid UTF-8 (at byte offset 22)');
      expect(await leadCount()).toBe(before);
    });

    it('a character cut short (€ without its last byte) inside a JSON string', async () => {
      const head = Buffer.from(lead('"message":"5 ').slice(0, -1));
      const body = Buffer.concat([head, Buffer.from([0xe2, 0x82]), Buffer.from('"}')]);
      const res = expectStatus(await postJson(body), 400);
      expect(res.body.message).toBe(
        `Request body is not valid UTF-8 (at byte offset ${head.length})`,
      );
    });

    it.each([
      ['%FF in a value', 'name=%FF&email=a%40b.co', 'name', 'byte 0'],
      ['%C3( (a broken sequence)', 'name=Ada&email=a%40b.co&city=M%C3(', 'city', 'byte 1'],
      ['a raw 0xFF byte', Buffer.from('name=Ad\xffa&email=a%40b.co', 'latin1'), 'name', 'byte 2'],
    ])(
      'in a form post: %s is a 400 naming the field, not stored as "%FF"',
      async (_n, body, path, at) => {
        await expectRefused(
          () => postForm(body),
          [{ path, message: `is not valid UTF-8 once percent-decoded (at decoded ${at})` }],
        );
      },
    );

    it('a "%" without two hex digits in a form post', async () => {
      await expectRefused(
        () => postForm('name=Ada&email=a%40b.co&discount=50%'),
        [
          {
            path: 'discount',
            message:
              'is not valid percent-encoding (a "%" not followed by two hex digits at character 3; send "%" as %25)',
          },
        ],
      );
    });

    it('a form declared as ISO-8859-1 is read as ISO-8859-1, and checked after decoding', async () => {
      const latin1 = {
        Origin: origin,
        'Content-Type': 'application/x-www-form-urlencoded; charset=ISO-8859-1',
      };
      const res = expectStatus(
        await rawPost('/api/v1/intake/hostile-form', latin1, 'name=M%FCller&email=l1%40b.co'),
        202,
      );
      const [row] = await t.db.dataSource.query(`SELECT name FROM leads WHERE id = $1`, [
        res.body['id'],
      ]);
      expect(row.name).toBe('Müller');
      await expectRefused(
        () => rawPost('/api/v1/intake/hostile-form', latin1, 'name=A%00&email=l1%40b.co'),
        [{ path: 'name', message: NUL }],
      );
    });

    it('a JSON body in a charset other than UTF is a 415 that says so', async () => {
      const res = await rawPost(
        '/api/v1/leads',
        {
          Authorization: `Bearer ${source.apiKey}`,
          'Content-Type': 'application/json; charset=latin1',
        },
        lead(''),
      );
      expect(res).toEqual({
        status: 415,
        body: {
          statusCode: 415,
          error: 'Unsupported Media Type',
          message: 'unsupported charset "LATIN1"',
        },
      });
    });

    it('well-formed UTF-8 escapes are stored exactly', async () => {
      const res = expectStatus(await postForm('name=M%C3%BCller+%F0%9F%9A%80&email=m%40b.co'), 202);
      const [row] = await t.db.dataSource.query(`SELECT name FROM leads WHERE id = $1`, [
        res.body.id,
      ]);
      expect(row.name).toBe('Müller 🚀');
    });
  });

  describe('reserved key names', () => {
    it.each(['__proto__', 'constructor', 'prototype'])(
      'refuses %s in customFields instead of letting it vanish',
      async (key) => {
        await expectRefused(
          () => postJson(lead(`"customFields":{"${key}":"x","plan":"pro"}`)),
          [{ path: `customFields.${key}`, message: 'this key name is reserved' }],
        );
      },
    );

    it('refuses a custom-field key that becomes __proto__ once trimmed', async () => {
      await expectRefused(
        () => postJson(lead('"customFields":{" __proto__ ":"x"}')),
        [{ path: 'customFields. __proto__ ', message: 'this key name is reserved' }],
      );
    });

    it.each(['__proto__', 'constructor'])(
      'refuses a top-level %s that the strict schema did not see',
      async (key) => {
        await expectRefused(
          () => postJson(lead(`"${key}":{"admin":true}`)),
          [{ path: key, message: 'this key name is reserved' }],
        );
      },
    );

    it('refuses them in contact and in a form post', async () => {
      await expectRefused(
        () => postJson('{"contact":{"name":"A","email":"a@b.co","prototype":1}}'),
        [{ path: 'contact.prototype', message: 'this key name is reserved' }],
      );
      await expectRefused(
        () => postForm('name=Ada&email=a%40b.co&__proto__=x'),
        [{ path: '__proto__', message: 'this key name is reserved' }],
      );
    });
  });

  it('refuses a form field name the parser would rewrite ("[x]" would be stored as "x")', async () => {
    await expectRefused(
      () => postForm('name=Ada&email=a%40b.co&%5Bplan%5D=pro'),
      [
        {
          path: '[plan]',
          message: 'this field name does not survive form parsing; rename the field',
        },
      ],
    );
  });

  it('names a form field whose name is not UTF-8 as it was sent', async () => {
    await expectRefused(
      () => postForm('name=Ada&email=a%40b.co&pl%FFan=pro'),
      [
        {
          path: 'pl%FFan',
          message: 'the field name is not valid UTF-8 once percent-decoded (at decoded byte 2)',
        },
      ],
    );
  });

  it('refuses custom-field keys that are the same once trimmed, naming both', async () => {
    await expectRefused(
      () => postJson(lead('"customFields":{"plan":"pro"," plan ":"free"}')),
      [
        {
          path: 'customFields. plan ',
          message: 'keys "plan" and " plan " are the same once spaces are trimmed; send one',
        },
      ],
    );
    await expectRefused(
      () => postForm('name=Ada&email=a%40b.co&plan=pro&+plan+=free'),
      [
        {
          path: 'customFields. plan ',
          message: 'keys "plan" and " plan " are the same once spaces are trimmed; send one',
        },
      ],
    );
  });

  describe('repeated form fields', () => {
    it.each([
      ['website_url=&website_url=http%3A%2F%2Fspam.example'],
      ['website_url=x&website_url='],
    ])(
      'a repeated honeypot with a filled copy (%s) is a bot: answered, not stored',
      async (honeypot) => {
        const before = await leadCount();
        const res = expectStatus(
          await postForm(`name=Bot&email=bot%40example.com&${honeypot}`),
          202,
        );
        // The documented answer, id included, so a bot cannot tell it was caught.
        expect(leadAcceptedSchema.safeParse(res.body).success).toBe(true);
        expect(await leadCount()).toBe(before);
      },
    );

    it('a filled honeypot in a JSON post is a bot too; an empty one is the form’s, not the lead’s', async () => {
      const before = await leadCount();
      expectStatus(
        await postFormJson(
          '{"contact":{"name":"Bot","email":"bot@example.com"},"website_url":"x"}',
        ),
        202,
      );
      expect(await leadCount()).toBe(before);
      const res = expectStatus(
        await postFormJson(
          '{"contact":{"name":"Widget","email":"w@example.com"},"website_url":""}',
        ),
        202,
      );
      const [row] = await t.db.dataSource.query(
        `SELECT name, custom_fields FROM leads WHERE id = $1`,
        [res.body.id],
      );
      expect(row).toEqual({ name: 'Widget', custom_fields: {} });
    });

    it('any other repeated field is a 400 naming it, not a silent pick', async () => {
      await expectRefused(
        () => postForm('name=Ada&name=Eve&email=a%40b.co&seats=1&seats=2'),
        [
          { path: 'contact.name', message: 'form field "name" was sent 2 times; send it once' },
          {
            path: 'customFields.seats',
            message: 'form field "seats" was sent 2 times; send it once',
          },
        ],
      );
    });
  });

  describe('the same guard on every other body and query string', () => {
    let agent: Awaited<ReturnType<ApiTestApp['signIn']>>;
    beforeAll(async () => {
      const admin = await seedUser(t.db.dataSource, 'admin');
      agent = await t.signIn(admin.email, admin.password);
    });

    it('a lead note with NUL', async () => {
      const res = await agent.agent
        .post('/api/v1/leads/3f1c1a8e-2b1d-4c1e-9f1a-1b2c3d4e5f60/notes')
        .set('X-CSRF-Token', agent.csrf)
        .send({ text: 'call\u0000back' })
        .expect(400);
      expect(res.body.issues).toEqual([{ path: 'text', message: NUL }]);
    });

    it('a flow draft with a lone surrogate and a __proto__ key', async () => {
      const res = await agent.agent
        .post('/api/v1/flows')
        .set('X-CSRF-Token', agent.csrf)
        .set('Content-Type', 'application/json')
        .send('{"name":"Flow \\ud83d","__proto__":{"x":1}}')
        .expect(400);
      expect(res.body.issues).toEqual([
        { path: '__proto__', message: 'this key name is reserved' },
        { path: 'name', message: 'is not valid Unicode (a lone surrogate at character 6)' },
      ]);
    });

    it.each([
      ['q=%00', 'q', NUL],
      ['q=%FF', 'q', 'is not valid UTF-8 once percent-decoded (at decoded byte 0)'],
      ['__proto__=1', '__proto__', 'this key name is reserved'],
    ])('a query string ?%s', async (query, path, message) => {
      const res = await agent.agent.get(`/api/v1/leads?${query}`).expect(400);
      expect(res.body.issues).toEqual([{ path, message }]);
    });

    it('stack-deep JSON nesting', async () => {
      const res = await agent.agent
        .post('/api/v1/flows')
        .set('X-CSRF-Token', agent.csrf)
        .set('Content-Type', 'application/json')
        .send(`{"name":"x","graph":${'['.repeat(5000)}${']'.repeat(5000)}}`)
        .expect(400);
      expect(res.body.message).toMatch(/^graph(\.0)+: is nested too deeply \(at most 32 levels\)$/);
    });
  });

  describe('text that is storable is stored exactly (trimmed at the ends)', () => {
    it.each([
      ['astral characters', 'Ada 🚀👩‍👩‍👧'],
      ['RTL marks', '\u200fשרה כהן\u200e'],
      ['combining characters', 'Zoe\u0308 e\u0301\u0327'],
      ['the replacement character itself', 'a\uFFFDb'],
    ])('%s', async (_n, name) => {
      const res = expectStatus(
        await postJson(
          JSON.stringify({
            contact: { name: ` ${name} `, email: 'a@b.co' },
            message: name,
            customFields: { [name]: name },
          }),
        ),
        202,
      );
      const [row] = await t.db.dataSource.query(
        `SELECT name, message, custom_fields FROM leads WHERE id = $1`,
        [res.body.id],
      );
      expect(row).toEqual({ name, message: name, custom_fields: { [name]: name } });
    });

    it('a message of 10,000 characters, and a 400 naming it past that', async () => {
      const message = 'é'.repeat(10_000);
      const res = expectStatus(await postJson(lead(`"message":"${message}"`)), 202);
      const [row] = await t.db.dataSource.query(`SELECT message FROM leads WHERE id = $1`, [
        res.body.id,
      ]);
      expect(row.message).toBe(message);
      await expectRefused(
        () => postJson(lead(`"message":"${message}é"`)),
        [{ path: 'message', message: 'Too big: expected string to have <=10000 characters' }],
      );
    });
  });
});
