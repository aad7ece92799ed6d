import { signWebhookPayload, verifyWebhookSignature } from './webhook-signature';

const secret = 'whsec_test_4f1c';
const body = JSON.stringify({ lead: { id: 'l-1', name: 'Jane' } });
const now = new Date('2025-03-04T10:00:00Z');
const t = Math.floor(now.getTime() / 1000);
const options = { toleranceSeconds: 300, now };

describe('webhook signatures', () => {
  it('has the documented format', () => {
    expect(signWebhookPayload(secret, body, t)).toMatch(new RegExp(`^t=${t},v1=[0-9a-f]{64}$`));
  });

  it('verifies its own signature, for a string or the raw bytes', () => {
    const header = signWebhookPayload(secret, body, t);
    expect(verifyWebhookSignature(secret, header, body, options)).toBe(true);
    expect(verifyWebhookSignature(secret, header, Buffer.from(body), options)).toBe(true);
  });

  it('accepts any matching v1 (secret rotation) and ignores unknown schemes', () => {
    const good = signWebhookPayload(secret, body, t).split(',')[1];
    const header = `t=${t},v0=abc,v1=${'0'.repeat(64)},${good}`;
    expect(verifyWebhookSignature(secret, header, body, options)).toBe(true);
  });

  it.each([
    ['a changed body', signWebhookPayload(secret, body, t), `${body} `, secret, now],
    ['another secret', signWebhookPayload('other', body, t), body, secret, now],
    ['an old timestamp', signWebhookPayload(secret, body, t - 301), body, secret, now],
    ['a future timestamp', signWebhookPayload(secret, body, t + 301), body, secret, now],
    [
      'a timestamp swapped after signing',
      signWebhookPayload(secret, body, t - 1000).replace(`t=${t - 1000}`, `t=${t}`),
      body,
      secret,
      now,
    ],
    ['no header', undefined, body, secret, now],
    ['a malformed header', 'sha256=abcdef', body, secret, now],
    ['a short signature', `t=${t},v1=abcd`, body, secret, now],
    ['an empty secret', signWebhookPayload('', body, t), body, '', now],
  ])('rejects %s', (_title, header, payload, key, at) => {
    expect(verifyWebhookSignature(key, header, payload, { toleranceSeconds: 300, now: at })).toBe(
      false,
    );
  });
});
