import { checkRequestSignature, deriveSourceSigningSecret } from './request-signature';

const SECRET = 's'.repeat(64);
const BODY = Buffer.from('{"a":1}');
const T = 1_764_000_000;
const NOW = new Date(T * 1000);
// hex HMAC-SHA256(SECRET, `${T}.${BODY}`), computed independently with node:crypto.
const V1 = 'fe883e610acc78ad5ced50abf36e65f8cbaa3711622fca91c8ae2855f9ef9548';

describe('deriveSourceSigningSecret', () => {
  it('is hex HMAC-SHA256(master key, "source-signing:<source id>:<version>") (senders depend on it)', () => {
    expect(
      deriveSourceSigningSecret('k'.repeat(32), '00000000-0000-4000-8000-000000000001', 1),
    ).toBe('952016b444ab8ed0b4c3d5a614da519a01f99657b482e0393e043a74a0b0c34d');
  });

  it('differs per source and per version', () => {
    const key = 'k'.repeat(32);
    const a = deriveSourceSigningSecret(key, 'a', 1);
    expect(deriveSourceSigningSecret(key, 'b', 1)).not.toBe(a);
    expect(deriveSourceSigningSecret(key, 'a', 2)).not.toBe(a);
  });
});

describe('checkRequestSignature', () => {
  const check = (header: string | undefined, body = BODY, now = NOW) =>
    checkRequestSignature(SECRET, header, body, now);

  it('accepts the right signature and returns the server-computed v1 for replay protection', () => {
    expect(check(`t=${T},v1=${V1}`)).toEqual({ ok: true, signature: V1 });
    // Upper-case hex, spaces, an extra candidate (secret rotation on the sender's side): same v1.
    expect(check(` t=${T} , v1=${'0'.repeat(64)}, v1=${V1.toUpperCase()}`)).toEqual({
      ok: true,
      signature: V1,
    });
  });

  it.each([
    [undefined, /signature missing/],
    ['  ', /signature missing/],
    ['garbage', /malformed/],
    [`v1=${V1}`, /malformed/],
    [`t=${T}`, /malformed/],
    [`t=${T},v1=abc`, /malformed/],
    [`t=${T - 301},v1=${V1}`, /outside ±300 s/],
    [`t=${T + 301},v1=${V1}`, /outside ±300 s/],
    [`t=${T},v1=${'0'.repeat(64)}`, /does not match/],
  ])('refuses %p', (header, message) => {
    const result = check(header);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.message).toMatch(message);
  });

  it('refuses other bytes and accepts the edge of the window', () => {
    expect(check(`t=${T},v1=${V1}`, Buffer.from('{"a": 1}')).ok).toBe(false);
    expect(check(`t=${T},v1=${V1}`, BODY, new Date((T + 300) * 1000)).ok).toBe(true);
    expect(check(`t=${T},v1=${V1}`, BODY, new Date((T - 300) * 1000)).ok).toBe(true);
  });
});
