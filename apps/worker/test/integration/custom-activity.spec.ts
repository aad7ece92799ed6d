import path from 'node:path';
import { ApplicationFailure } from '@temporalio/common';
import { MockActivityEnvironment } from '@temporalio/testing';
import { createTestDatabase, type TestDatabase } from '@baton/db/testing';
import { loadPlugins, type PluginActivities } from '../../src/plugins/load-plugins';
import { registerActivities } from '../../src/plugins/register-activities';
import { runCustomActivity } from '../../src/plugins/run-custom-activity.activity';
import { startWebhookReceiver, type WebhookReceiver } from '../support/webhook-receiver';

describe('runCustomActivity', () => {
  let db: TestDatabase;
  let receiver: WebhookReceiver;
  let plugins: PluginActivities;
  let leadId: string;

  beforeAll(async () => {
    db = await createTestDatabase('custom_activity');
    receiver = await startWebhookReceiver();
    plugins = await loadPlugins(
      ['./echo-plugin'],
      path.join(__dirname, '../../src/plugins/fixtures'),
    );
    const [source] = await db.dataSource.query(
      `INSERT INTO sources (slug, name, api_key_hash, api_key_prefix) VALUES ('s', 'S', 'h', 'p') RETURNING id`,
    );
    [{ id: leadId }] = await db.dataSource.query(
      `INSERT INTO leads (source_id, name, email, received_at) VALUES ($1, 'Ada', 'ada@x.example', now()) RETURNING id`,
      [source.id],
    );
  });
  afterAll(async () => {
    await receiver.close();
    await db.drop();
  });

  const run = (input: Parameters<ReturnType<typeof runCustomActivity>>[0], allowPrivate = true) =>
    new MockActivityEnvironment().run(
      runCustomActivity({
        dataSource: db.dataSource,
        plugins,
        secrets: () => undefined,
        http: { allowPrivateNetworks: allowPrivate, timeoutMs: 5_000 },
      }),
      input,
    );

  it('runs the activity against a real receiver with the step idempotency key and records it', async () => {
    const result = await run({
      leadId,
      stepId: 'crm#1',
      activity: 'fixture.echo',
      version: '1.0.0',
      input: { url: `${receiver.url}/echo`, text: 'hello' },
    });
    expect(result).toEqual({ handle: 'ok', output: { status: 200, said: 'hello' } });
    const [request] = receiver.requests('/echo');
    expect(JSON.parse(request?.body ?? '{}')).toEqual({ text: 'hello', lead: 'Ada' });
    expect(request?.headers['x-baton-idempotency-key']).toBe(`${leadId}:crm#1`);
    const events = await db.dataSource.query(
      `SELECT data FROM lead_events WHERE lead_id = $1 AND step_id = 'crm#1'`,
      [leadId],
    );
    expect(events[0].data).toMatchObject({ channel: 'custom', activity: 'fixture.echo' });
  });

  it('fails for good, clearly, on a missing activity, another version or bad input', async () => {
    const base = { leadId, stepId: 'x#1', version: '1.0.0', input: {} };
    const failure = (p: Promise<unknown>) =>
      p.then(
        () => null,
        (err: unknown) => err,
      );
    const missing = await failure(run({ ...base, activity: 'nope.missing' }));
    expect(missing).toBeInstanceOf(ApplicationFailure);
    expect((missing as ApplicationFailure).nonRetryable).toBe(true);
    expect((missing as Error).message).toMatch(
      /No plugin on this worker provides activity "nope.missing"/,
    );

    const other = await failure(run({ ...base, activity: 'fixture.echo', version: '2.0.0' }));
    expect((other as ApplicationFailure).nonRetryable).toBe(true);
    expect((other as Error).message).toMatch(/version 2.0.0, but this worker has version 1.0.0/);

    const bad = await failure(
      run({ ...base, activity: 'fixture.echo', input: { url: 'not a url', text: '' } }),
    );
    expect((bad as ApplicationFailure).nonRetryable).toBe(true);
    expect((bad as Error).message).toMatch(/url: .*; text: /);
  });

  it('keeps the SSRF guard: a private receiver is refused unless the install allows it', async () => {
    await expect(
      run(
        {
          leadId,
          stepId: 'ssrf#1',
          activity: 'fixture.echo',
          version: '1.0.0',
          input: { url: `${receiver.url}/ssrf`, text: 'x' },
        },
        false,
      ),
    ).rejects.toThrow();
    expect(receiver.requests('/ssrf')).toHaveLength(0);
  });

  it('registers what the worker has in worker_activities', async () => {
    await registerActivities(db.dataSource, plugins);
    await registerActivities(db.dataSource, plugins);
    const rows = await db.dataSource.query(
      `SELECT name, version, plugin_name, input_schema FROM worker_activities`,
    );
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      name: 'fixture.echo',
      version: '1.0.0',
      plugin_name: 'fixture-echo',
    });
    expect(rows[0].input_schema.required).toEqual(['url', 'text']);
  });
});
