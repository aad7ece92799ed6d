import {
  createTestContext,
  startTestReceiver,
  type TestReceiver,
} from '@baton/activity-sdk/testing';
import { verifyWebhookSignature } from '@baton/notify';
import { crmUpsert } from './crm-upsert.activity';

const secret = 'crm-signing-secret';
const leadId = '0190a6c4-7d1e-7000-8000-00000000c0de';
let receiver: TestReceiver;

beforeEach(async () => {
  receiver = await startTestReceiver();
});
afterEach(() => receiver.close());

const context = () =>
  createTestContext({
    lead: { id: leadId, customFields: { seats: 40 } },
    secrets: { 'crm-key': secret },
  });

const input = (overrides: Record<string, unknown> = {}) =>
  crmUpsert.input.parse({ url: `${receiver.url}/leads`, secretRef: 'crm-key', ...overrides });

describe('crm.upsert', () => {
  it('PUTs the lead keyed by its external id, signed with the secret', async () => {
    const result = await crmUpsert.run(input({ fieldMap: { name: 'full_name' } }), context());

    expect(result).toEqual({
      handle: 'ok',
      output: { status: 200, externalId: `baton-${leadId}` },
    });
    const [request] = receiver.received;
    expect(request?.method).toBe('PUT');
    expect(request?.path).toBe('/leads');
    expect(request?.headers['content-type']).toBe('application/json');
    expect(request?.body).toEqual({
      externalId: `baton-${leadId}`,
      leadId,
      fields: expect.objectContaining({
        full_name: 'Ada Lovelace',
        email: 'ada@example.com',
        source: 'website',
        seats: 40,
      }),
    });
    expect(request?.body).not.toHaveProperty('fields.name');
    const signature = request?.headers['x-baton-signature'];
    expect(typeof signature).toBe('string');
    expect(
      verifyWebhookSignature(secret, signature as string, request?.rawBody ?? '', {
        toleranceSeconds: 60,
      }),
    ).toBe(true);
    expect(
      verifyWebhookSignature('other', signature as string, request?.rawBody ?? '', {
        toleranceSeconds: 60,
      }),
    ).toBe(false);
  });

  it('uses one idempotency key per lead, whatever the step, so the CRM keeps one record', async () => {
    await crmUpsert.run(
      input({ method: 'POST' }),
      createTestContext({
        lead: { id: leadId },
        secrets: { 'crm-key': secret },
        idempotencyKey: 'step-a',
      }),
    );
    await crmUpsert.run(
      input({ method: 'POST' }),
      createTestContext({
        lead: { id: leadId },
        secrets: { 'crm-key': secret },
        idempotencyKey: 'step-b',
      }),
    );

    const keys = receiver.received.map((request) => request.headers['x-baton-idempotency-key']);
    expect(keys).toEqual([`crm-upsert:${leadId}`, `crm-upsert:${leadId}`]);
    expect(receiver.received.map((request) => request.method)).toEqual(['POST', 'POST']);
  });

  it('leaves by failed with the reason when the CRM refuses the record (4xx)', async () => {
    receiver.respondWith(422, '{"error":"email taken"}');
    const ctx = context();

    const result = await crmUpsert.run(input(), ctx);

    expect(result.handle).toBe('failed');
    expect(result.output).toMatchObject({ status: 422, externalId: `baton-${leadId}` });
    expect(result.output.reason).toMatch(/422/);
    expect(ctx.logged).toContainEqual(
      expect.objectContaining({ level: 'warn', message: 'crm upsert rejected' }),
    );
  });

  it('throws (so Temporal retries) when the CRM is down or rate limiting', async () => {
    receiver.respondWith(503);
    await expect(crmUpsert.run(input(), context())).rejects.toMatchObject({
      retryable: true,
      status: 503,
    });
    receiver.respondWith(429);
    await expect(crmUpsert.run(input(), context())).rejects.toMatchObject({
      retryable: true,
      status: 429,
    });
  });

  it('fails for good, naming the variable, when the secret is not set', async () => {
    await expect(crmUpsert.run(input(), createTestContext())).rejects.toThrow(
      /BATON_SECRET_CRM_KEY/,
    );
    expect(receiver.received).toHaveLength(0);
  });

  it('refuses settings it cannot use, naming the field', () => {
    expect(() => crmUpsert.input.parse({ url: 'ftp://x', secretRef: 'k' })).toThrow(/url/);
    expect(() =>
      crmUpsert.input.parse({ url: 'https://x.test', secretRef: 'k', method: 'GET' }),
    ).toThrow(/method/);
  });
});
