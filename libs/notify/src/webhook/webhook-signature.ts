import { createHmac, timingSafeEqual } from 'node:crypto';

export const SIGNATURE_HEADER = 'X-Baton-Signature';
export const IDEMPOTENCY_HEADER = 'X-Baton-Idempotency-Key';

const hmacHex = (secret: string, timestamp: number, body: string | Buffer) =>
  createHmac('sha256', secret).update(`${timestamp}.`).update(body).digest('hex');

/**
 * `t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>">`: the timestamp is signed with the body
 * so a captured request cannot be replayed later with a fresh timestamp.
 */
export function signWebhookPayload(
  secret: string,
  body: string | Buffer,
  timestampSeconds: number,
): string {
  return `t=${timestampSeconds},v1=${hmacHex(secret, timestampSeconds, body)}`;
}

export interface VerifyWebhookSignatureOptions {
  /** How far the signed time may be from now, either way. */
  toleranceSeconds: number;
  /** For tests; defaults to the current time. */
  now?: Date;
}

/**
 * Checks a signature header against the raw body (exact bytes as received, before any JSON
 * parsing). Accepts several v1 values (secret rotation); compares in constant time.
 */
export function verifyWebhookSignature(
  secret: string,
  header: string | null | undefined,
  body: string | Buffer,
  options: VerifyWebhookSignatureOptions,
): boolean {
  if (!header || !secret) return false;
  let timestamp: number | undefined;
  const signatures: string[] = [];
  for (const part of header.split(',')) {
    const eq = part.indexOf('=');
    const key = part.slice(0, eq).trim();
    const value = part.slice(eq + 1).trim();
    if (key === 't' && /^\d{1,12}$/.test(value)) timestamp = Number(value);
    else if (key === 'v1' && /^[0-9a-f]{64}$/i.test(value)) signatures.push(value.toLowerCase());
  }
  if (timestamp === undefined || signatures.length === 0) return false;

  const nowSeconds = Math.floor((options.now ?? new Date()).getTime() / 1000);
  if (Math.abs(nowSeconds - timestamp) > options.toleranceSeconds) return false;

  const expected = Buffer.from(hmacHex(secret, timestamp, body), 'hex');
  // Check every candidate (no early exit) so timing does not reveal which one matched.
  return signatures.reduce(
    (ok, candidate) => timingSafeEqual(Buffer.from(candidate, 'hex'), expected) || ok,
    false,
  );
}
