import { createEmailSender, createSmtpCapture, type SmtpCapture } from '@baton/notify';
import { type FakeOllama, startFakeOllama, unusedPort } from '@baton/qualify/testing';
import type { DataSource } from '@baton/db';
import { type ApiTestApp, startApiTestApp } from '../support/api-test-app';
import { seedSource, seedUser, type TestUser } from '../support/seed-test-data';

/** A lead pinned to a published flow whose `mail` step emails the owner. */
async function seedLeadOnEmailFlow(db: DataSource): Promise<string> {
  const graph = {
    nodes: [
      { id: 'start', type: 'trigger', position: { x: 0, y: 0 }, data: { config: {} } },
      {
        id: 'mail',
        type: 'notify',
        position: { x: 0, y: 100 },
        data: { config: { channel: 'email', to: 'owner', subject: 'New lead', body: 'Hi' } },
      },
    ],
    edges: [{ id: 'e1', source: 'start', sourceHandle: 'next', target: 'mail' }],
  };
  const [flow] = await db.query(
    `INSERT INTO flows (name, draft_graph) VALUES ('Mail flow', $1) RETURNING id`,
    [JSON.stringify(graph)],
  );
  const [version] = await db.query(
    `INSERT INTO flow_versions (flow_id, version, graph) VALUES ($1, 1, $2) RETURNING id`,
    [flow.id, JSON.stringify(graph)],
  );
  const source = await seedSource(db);
  const [lead] = await db.query(
    `INSERT INTO leads (source_id, name, email, received_at, flow_version_id) VALUES ($1, 'Ada', 'ada@example.com', now(), $2) RETURNING id`,
    [source.id, version.id],
  );
  return lead.id;
}

const event = (db: DataSource, leadId: string, type: string, stepId: string, data: object) =>
  db
    .query(
      `INSERT INTO lead_events (lead_id, type, step_id, actor_type, data) VALUES ($1, $2, $3, 'system', $4) RETURNING occurred_at AS at`,
      [leadId, type, stepId, JSON.stringify(data)],
    )
    .then((rows: { at: Date }[]) => rows.map((r) => r.at.toISOString())[0]);

describe('GET /api/v1/status with nothing optional configured', () => {
  let t: ApiTestApp;
  let admin: TestUser;
  beforeAll(async () => {
    t = await startApiTestApp('status-bare');
    admin = await seedUser(t.db.dataSource, 'admin');
  });
  afterAll(() => t.close());

  it('says the model and SMTP are not configured and Temporal answers', async () => {
    const { agent } = await t.signIn(admin.email, admin.password);
    const { body } = await agent.get('/api/v1/status').expect(200);
    expect(body.model).toEqual({
      state: 'not_configured',
      configured: false,
      host: null,
      model: 'llama3.2:3b',
      reachable: null,
      modelPresent: null,
      detail: 'OLLAMA_HOST is not set',
      pullCommand: null,
      lastQualification: null,
      recent: { total: 0, heuristic: 0 },
    });
    expect(body.smtp).toEqual({
      state: 'not_configured',
      configured: false,
      host: null,
      capturing: false,
      lastDeliveryAt: null,
      lastFailure: null,
    });
    expect(body.temporal).toEqual({
      state: 'ok',
      reachable: true,
      address: t.config.TEMPORAL_ADDRESS,
    });
  });

  it('is for admins and managers only', async () => {
    const manager = await seedUser(t.db.dataSource, 'manager');
    const rep = await seedUser(t.db.dataSource, 'rep');
    await (await t.signIn(manager.email, manager.password)).agent.get('/api/v1/status').expect(200);
    await (await t.signIn(rep.email, rep.password)).agent.get('/api/v1/status').expect(403);
    await t.http().get('/api/v1/status').expect(401);
  });
});

describe('GET /api/v1/status with a model and an SMTP relay', () => {
  const models: string[] = [];
  let ollama: FakeOllama;
  let relay: SmtpCapture;
  let t: ApiTestApp;
  let admin: TestUser;
  const status = async () => {
    const { agent } = await t.signIn(admin.email, admin.password);
    return (await agent.get('/api/v1/status').expect(200)).body;
  };

  beforeAll(async () => {
    ollama = await startFakeOllama(() => ({ content: '{}' }), { models });
    relay = await createSmtpCapture({ port: 0 });
    t = await startApiTestApp('status-configured', {
      OLLAMA_HOST: ollama.url,
      OLLAMA_MODEL: 'llama3.2:3b',
      SMTP_URL: `smtp://baton:relay-secret@127.0.0.1:${relay.port}`,
    });
    admin = await seedUser(t.db.dataSource, 'admin');
  });
  afterAll(async () => {
    await t.close();
    await relay.close();
    await ollama.close().catch(() => undefined);
  });

  it('gives the exact pull command while Ollama answers without the model', async () => {
    const { model } = await status();
    expect(model).toMatchObject({
      state: 'attention',
      configured: true,
      host: ollama.url,
      reachable: true,
      modelPresent: false,
      pullCommand: 'ollama pull llama3.2:3b',
    });
    expect(model.detail).toContain('llama3.2:3b is not pulled');
  });

  it('is ok once the model is there, with the latest qualification its method and latency', async () => {
    models.push('llama3.2:3b');
    const leadId = await seedLeadOnEmailFlow(t.db.dataSource);
    await event(t.db.dataSource, leadId, 'qualified', 'q#1', {
      method: 'heuristic',
      latencyMs: 3,
      fallbackReason: 'the model did not answer in time',
    });
    const at = await event(t.db.dataSource, leadId, 'qualified', 'q#2', {
      method: 'llm',
      model: 'llama3.2:3b',
      latencyMs: 842,
    });
    const { model } = await status();
    expect(model).toMatchObject({
      state: 'ok',
      reachable: true,
      modelPresent: true,
      pullCommand: null,
      detail: null,
      lastQualification: {
        at,
        method: 'llm',
        model: 'llama3.2:3b',
        latencyMs: 842,
        fallbackReason: null,
      },
      recent: { total: 2, heuristic: 1 },
    });
  });

  it('shows the relay without its password, the last delivery, then a later failure', async () => {
    // A real email through the relay, recorded as the worker's notify step records it.
    const sender = createEmailSender({ smtpUrl: relay.url, from: 'Baton <baton@test.example>' });
    await sender.send({ to: 'owner@test.example', subject: 'New lead: Ada', text: 'Call Ada' });
    sender.close();
    expect(relay.list()[0]?.subject).toBe('New lead: Ada');
    const leadId = await seedLeadOnEmailFlow(t.db.dataSource);
    const deliveredAt = await event(t.db.dataSource, leadId, 'notified', 'mail#1', {
      channel: 'email',
      recipient: 'Owner',
      delivered: 1,
      subject: 'New lead: Ada',
    });
    // Neither an in-app message nor an email step that had nobody to send to is a delivery.
    await event(t.db.dataSource, leadId, 'notified', 'other#1', {
      channel: 'in_app',
      delivered: 2,
    });
    await event(t.db.dataSource, leadId, 'notified', 'mail#2', { channel: 'email', delivered: 0 });

    const before = await status();
    expect(before.smtp).toEqual({
      state: 'ok',
      configured: true,
      host: `127.0.0.1:${relay.port}`,
      capturing: false,
      lastDeliveryAt: deliveredAt,
      lastFailure: null,
    });
    expect(JSON.stringify(before)).not.toContain('relay-secret');

    // An error on another kind of step says nothing about mail.
    await event(t.db.dataSource, leadId, 'error', 'start#1', { message: 'not mail' });
    expect((await status()).smtp.lastFailure).toBeNull();
    const failedAt = await event(t.db.dataSource, leadId, 'error', 'mail#3:failing', {
      message:
        'Step mail#3 keeps failing (notify, attempt 3); still retrying: connect ECONNREFUSED',
    });
    const after = await status();
    expect(after.smtp).toMatchObject({
      state: 'attention',
      lastDeliveryAt: deliveredAt,
      lastFailure: { at: failedAt, message: expect.stringContaining('ECONNREFUSED') },
    });
  });

  it('reports an unreachable model quickly, as needing attention, never as a 5xx', async () => {
    await ollama.close();
    const started = Date.now();
    const { model, temporal } = await status();
    expect(Date.now() - started).toBeLessThan(4_000);
    expect(model).toMatchObject({
      state: 'attention',
      configured: true,
      reachable: false,
      modelPresent: null,
      pullCommand: null,
    });
    expect(model.detail).toContain(ollama.url);
    expect(temporal.state).toBe('ok');
  });

  it('documents the route with its response schema', async () => {
    const { body: doc } = await t.http().get('/api/docs-json').expect(200);
    const get = doc.paths['/api/v1/status'].get;
    expect(get.responses['200']).toBeDefined();
    expect(JSON.stringify(doc.components.schemas.ModelStatus)).toContain('not_configured');
    expect(JSON.stringify(doc.components.schemas.SmtpStatus)).toContain('lastDeliveryAt');
  });
});

describe('GET /api/v1/status on a local install (npm start: no SMTP_URL)', () => {
  let t: ApiTestApp;
  let admin: TestUser;
  beforeAll(async () => {
    t = await startApiTestApp('status-capture', {
      NODE_ENV: 'development',
      SMTP_CAPTURE_PORT: String(await unusedPort()),
    });
    admin = await seedUser(t.db.dataSource, 'admin');
  });
  afterAll(() => t.close());

  it('says outgoing mail is captured, and the captured mail is listed', async () => {
    const { agent } = await t.signIn(admin.email, admin.password);
    const { body } = await agent.get('/api/v1/status').expect(200);
    expect(body.smtp).toMatchObject({
      state: 'not_configured',
      configured: false,
      capturing: true,
    });
    const sender = createEmailSender({
      smtpUrl: `smtp://127.0.0.1:${t.config.SMTP_CAPTURE_PORT}`,
      from: 'Baton <baton@localhost>',
    });
    await sender.send({ to: 'sam@test.example', subject: 'Reminder: call Ada', text: 'Call Ada' });
    sender.close();
    const mail = await agent.get('/api/v1/dev/mail').expect(200);
    expect(mail.body.items[0]).toMatchObject({
      subject: 'Reminder: call Ada',
      text: expect.stringMatching(/^Call Ada\s*$/),
    });
  });
});
