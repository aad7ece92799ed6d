/**
 * How a sender signs a lead for a source that requires it: the scheme of the API's
 * request-signature check (apps/api/src/intake/request-signature.ts), written out for people.
 */
export const SIGNATURE_HEADER = 'X-Baton-Signature';
export const SIGNATURE_FORMAT = 't=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<raw body>">';
/** How far the signed time may be from the server's clock, either way. */
export const SIGNATURE_TOLERANCE_MINUTES = 5;

const EXAMPLE_BODY =
  '{"contact":{"name":"Ada","email":"ada@example.com"},"message":"Please call me"}';

/** Node 18+: sign the exact bytes sent, then post them. */
export function nodeSigningSnippet(origin: string): string {
  return `import { createHmac } from 'node:crypto';

const body = JSON.stringify({ contact: { name: 'Ada', email: 'ada@example.com' }, message: 'Please call me' });
const t = Math.floor(Date.now() / 1000);
const v1 = createHmac('sha256', process.env.BATON_SIGNING_SECRET).update(\`\${t}.\${body}\`).digest('hex');

const res = await fetch('${origin}/api/v1/leads', {
  method: 'POST',
  headers: {
    'Content-Type': 'application/json',
    Authorization: \`Bearer \${process.env.BATON_API_KEY}\`,
    '${SIGNATURE_HEADER}': \`t=\${t},v1=\${v1}\`,
  },
  body,
});
console.log(res.status); // 202`;
}

/** A shell: openssl computes the HMAC, curl sends the same body byte for byte. */
export function curlSigningSnippet(origin: string): string {
  return `BODY='${EXAMPLE_BODY}'
T=$(date +%s)
SIG=$(printf '%s.%s' "$T" "$BODY" | openssl dgst -sha256 -hmac "$BATON_SIGNING_SECRET" | sed 's/^.* //')
curl -X POST ${origin}/api/v1/leads \\
  -H "Authorization: Bearer $BATON_API_KEY" \\
  -H 'Content-Type: application/json' \\
  -H "${SIGNATURE_HEADER}: t=$T,v1=$SIG" \\
  --data-raw "$BODY"`;
}
