import { createHmac } from 'node:crypto';
import { SIGNATURE_HEADER, signWebhookPayload, verifyWebhookSignature } from '@baton/notify';

/**
 * Signed intake: `X-Baton-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256(secret, "<t>.<raw body>")>`,
 * the same scheme Baton uses for its outgoing webhooks (@baton/notify), so one helper signs both.
 */
export const INTAKE_SIGNATURE_HEADER = SIGNATURE_HEADER;

/** How far the signed time may be from the server's, either way. */
export const SIGNATURE_TOLERANCE_SECONDS = 300;

/**
 * A source's signing secret, derived and never stored: hex HMAC-SHA256 of
 * "source-signing:<source id>:<version>" under BATON_SIGNING_KEY. The sender uses the 64-character
 * hex string itself as its HMAC key. Bumping the version retires the previous secret.
 */
export function deriveSourceSigningSecret(
  masterKey: string,
  sourceId: string,
  version: number,
): string {
  return createHmac('sha256', masterKey)
    .update(`source-signing:${sourceId}:${version}`)
    .digest('hex');
}

export type SignatureCheck =
  | {
      ok: true;
      /** The signature as the server computes it: what the replay table keeps. */
      signature: string;
    }
  | { ok: false; message: string };

/** The signed time, read the way verifyWebhookSignature reads it (the last valid `t=` wins). */
function signedTimestamp(header: string): { t?: number; hasV1: boolean } {
  let t: number | undefined;
  let hasV1 = false;
  for (const part of header.split(',')) {
    const eq = part.indexOf('=');
    const key = part.slice(0, eq).trim();
    const value = part.slice(eq + 1).trim();
    if (key === 't' && /^\d{1,12}$/.test(value)) t = Number(value);
    else if (key === 'v1' && /^[0-9a-f]{64}$/i.test(value)) hasV1 = true;
  }
  return { t, hasV1 };
}

/**
 * Checks an X-Baton-Signature header against the raw body and says precisely what is wrong. The
 * HMAC comparison itself is @baton/notify's verifyWebhookSignature (constant time); the header is
 * read here only to tell "malformed" and "expired" apart from "does not match".
 *
 * The signature returned for replay protection is the one the server computes (v1 of
 * signWebhookPayload), not the header's text: extra or reordered v1 values cannot dress up a
 * replay as a new request.
 */
export function checkRequestSignature(
  secret: string,
  header: string | undefined,
  rawBody: Buffer,
  now = new Date(),
  toleranceSeconds = SIGNATURE_TOLERANCE_SECONDS,
): SignatureCheck {
  const expected = 't=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<raw body>">';
  if (!header?.trim()) {
    return {
      ok: false,
      message: `${INTAKE_SIGNATURE_HEADER}: signature missing; this source only accepts signed requests (${expected})`,
    };
  }
  const { t, hasV1 } = signedTimestamp(header);
  if (t === undefined || !hasV1) {
    return {
      ok: false,
      message: `${INTAKE_SIGNATURE_HEADER}: signature header is malformed; expected ${expected}`,
    };
  }
  const nowSeconds = Math.floor(now.getTime() / 1000);
  if (Math.abs(nowSeconds - t) > toleranceSeconds) {
    return {
      ok: false,
      message: `${INTAKE_SIGNATURE_HEADER}: signature timestamp is outside ±${toleranceSeconds} s of the server's time (t=${t}, server ${nowSeconds}); sign each request when you send it`,
    };
  }
  if (!verifyWebhookSignature(secret, header, rawBody, { toleranceSeconds, now })) {
    return {
      ok: false,
      message: `${INTAKE_SIGNATURE_HEADER}: signature does not match; sign the exact bytes of the body with the source's current signing secret`,
    };
  }
  const signature = signWebhookPayload(secret, rawBody, t);
  return { ok: true, signature: signature.slice(signature.indexOf('v1=') + 3) };
}

/** What the guard leaves on the request for the intake transaction (replay protection). */
export interface SignedIntakeRequest {
  verifiedSignature?: string;
}
