import { Client, Connection } from '@temporalio/client';
import { leadWorkflowId } from '@baton/workflows/contract';
import { expectEventually, testTemporalAddress } from '@baton/testing';
import { type ApiTestApp, startApiTestApp } from '../support/api-test-app';
import { seedSource, type TestSource } from '../support/seed-test-data';

describe('POST /api/v1/leads (intake)', () => {
  let t: ApiTestApp;
  let source: TestSource;
  let temporal: Client;

  beforeAll(async () => {
    t = await startApiTestApp('intake');
    source = await seedSource(t.db.dataSource);
    temporal = new Client({
      connection: await Connection.connect({ address: testTemporalAddress() }),
    });
  });
  afterAll(async () => {
    await temporal.connection.close();
    await t.close();
  });

  const post = (body: unknown, key: string | null = source.apiKey) => {
    const req = t.http().post('/api/v1/leads');
    if (key) req.set('Authorization', `Bearer ${key}`);
    return req.send(body as object);
  };

  it('stores the lead, answers 202 with its id and starts the lead-<id> workflow', async () => {
    const res = await post({
      contact: { name: 'Ada Lovelace', email: 'Ada@Example.com', company: 'Analytical Engines' },
      message: 'Need 40 seats',
      customFields: { seats: 40 },
      source: { utm: { source: 'google', campaign: 'spring' } },
    }).expect(202);
    expect(res.body).toEqual({ id: expect.stringMatching(/^[0-9a-f-]{36}$/), status: 'accepted' });

    const [lead] = await t.db.dataSource.query(
      `SELECT name, email, custom_fields, context, status FROM leads WHERE id = $1`,
      [res.body.id],
    );
    expect(lead).toEqual({
      name: 'Ada Lovelace',
      email: 'ada@example.com',
      custom_fields: { seats: 40 },
      context: { utm: { source: 'google', campaign: 'spring' } },
      status: 'new',
    });
    // The dispatcher consumes the start-pending marker once the workflow exists.
    await expectEventually(async () => {
      const markers = await t.db.dataSource.query(
        `SELECT 1 FROM workflow_starts WHERE lead_id = $1`,
        [res.body.id],
      );
      expect(markers).toHaveLength(0);
    });
    const description = await temporal.workflow.getHandle(leadWorkflowId(res.body.id)).describe();
    expect(description.type).toBe('leadHandoff');
    expect(description.taskQueue).toBe(t.config.TEMPORAL_TASK_QUEUE);
  });

  it.each([
    ['no contact', {}, 'contact', 'expected object'],
    [
      'empty name',
      { contact: { name: ' ', email: 'a@b.co' } },
      'contact.name',
      'name must not be empty',
    ],
    [
      'bad email',
      { contact: { name: 'A', email: 'not-an-email' } },
      'contact.email',
      'email must be a valid address',
    ],
    [
      'neither email nor phone',
      { contact: { name: 'A' } },
      'contact.email',
      'a lead needs an email or a phone number',
    ],
    [
      'name of the wrong type',
      { contact: { name: 42, email: 'a@b.co' } },
      'contact.name',
      'expected string',
    ],
    [
      'unknown field',
      { contact: { name: 'A', email: 'a@b.co' }, colour: 'red' },
      '',
      'Unrecognized key: "colour"',
    ],
    [
      'message too long',
      { contact: { name: 'A', email: 'a@b.co' }, message: 'x'.repeat(10_001) },
      'message',
      'Too big',
    ],
    [
      'nested custom field',
      { contact: { name: 'A', email: 'a@b.co' }, customFields: { a: { b: 1 } } },
      'customFields.a',
      'Invalid input',
    ],
  ])('rejects %s with 400 naming the field and the reason', async (_name, body, path, message) => {
    const before = await t.db.dataSource.query(`SELECT count(*)::int AS n FROM leads`);
    const res = await post(body).expect(400);
    expect(res.body.statusCode).toBe(400);
    expect(res.body.issues).toEqual(
      expect.arrayContaining([{ path, message: expect.stringContaining(message) }]),
    );
    const after = await t.db.dataSource.query(`SELECT count(*)::int AS n FROM leads`);
    expect(after[0].n).toBe(before[0].n);
  });

  it('rejects malformed JSON with a 400 that says so', async () => {
    const res = await t
      .http()
      .post('/api/v1/leads')
      .set('Authorization', `Bearer ${source.apiKey}`)
      .set('Content-Type', 'application/json')
      .send('{"contact": {"name": "A",')
      .expect(400);
    expect(res.body).toMatchObject({ statusCode: 400, message: 'Request body is not valid JSON' });
  });

  it('rejects an oversized body with 413', async () => {
    const res = await post({
      contact: { name: 'A', email: 'a@b.co' },
      message: 'x'.repeat(200_000),
    }).expect(413);
    expect(res.body).toMatchObject({ statusCode: 413, message: 'Request body is too large' });
  });

  it.each([
    ['no key', null, 'Send the source API key as "Authorization: Bearer <key>"'],
    ['a wrong key', 'bat_wrong', 'Unknown or revoked API key'],
  ])('answers 401 to %s', async (_name, key, message) => {
    const res = await post({ contact: { name: 'A', email: 'a@b.co' } }, key).expect(401);
    expect(res.body).toMatchObject({ statusCode: 401, message });
  });

  it('stores SQL-looking and script-looking text verbatim', async () => {
    const nasty = {
      contact: { name: "Robert'); DROP TABLE leads;--", email: 'bobby@tables.example' },
      message: '<script>alert("x")</script> {{lead.name}} ${process.env}',
    };
    const res = await post(nasty).expect(202);
    const [row] = await t.db.dataSource.query(`SELECT name, message FROM leads WHERE id = $1`, [
      res.body.id,
    ]);
    expect(row).toEqual({ name: nasty.contact.name, message: nasty.message });
  });

  it('folds a second lead with the same external id into the first, with a duplicate event', async () => {
    const body = { externalId: 'crm-123', contact: { name: 'Dup', email: 'dup@example.com' } };
    const first = await post(body).expect(202);
    const second = await post({ ...body, message: 'again' }).expect(202);
    expect(second.body).toEqual({
      id: first.body.id,
      status: 'accepted',
      duplicateOf: first.body.id,
    });
    const events = await t.db.dataSource.query(
      `SELECT type FROM lead_events WHERE lead_id = $1 AND type = 'duplicate'`,
      [first.body.id],
    );
    expect(events).toHaveLength(1);
    const count = await t.db.dataSource.query(
      `SELECT count(*)::int AS n FROM leads WHERE external_id = 'crm-123'`,
    );
    expect(count[0].n).toBe(1);
  });
});
