// A real OpenID Provider (panva/oidc-provider) for tests, on 127.0.0.1 and a free port. It is
// ESM-only, so tests run it as a child process: it prints {"issuer": "..."} on its first line.
// People are registered at runtime (POST /__test/accounts {accountId, claims}); its own dev
// login form accepts any login name as the account id, then asks for consent.
import { createServer } from 'node:http';
import Provider from 'oidc-provider';

const clientId = process.env.OIDC_FIXTURE_CLIENT_ID ?? 'baton-test';
const clientSecret = process.env.OIDC_FIXTURE_CLIENT_SECRET ?? 'baton-test-secret';
const redirectUris = (process.env.OIDC_FIXTURE_REDIRECT_URIS ?? '').split(',').filter(Boolean);

const accounts = new Map();
let handler = null;

async function readJson(req) {
  let text = '';
  for await (const chunk of req) text += chunk;
  return JSON.parse(text);
}

const server = createServer((req, res) => {
  if (req.method === 'POST' && req.url === '/__test/accounts') {
    readJson(req).then(
      ({ accountId, claims }) => {
        accounts.set(accountId, claims);
        res.writeHead(204).end();
      },
      () => res.writeHead(400).end(),
    );
    return;
  }
  handler(req, res);
});

server.listen(0, '127.0.0.1', () => {
  const { port } = server.address();
  const issuer = `http://127.0.0.1:${port}`;
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: clientId,
        client_secret: clientSecret,
        redirect_uris: redirectUris,
        grant_types: ['authorization_code'],
        response_types: ['code'],
        token_endpoint_auth_method: 'client_secret_basic',
      },
    ],
    claims: {
      openid: ['sub'],
      email: ['email', 'email_verified'],
      profile: ['name'],
      groups: ['groups'],
    },
    cookies: { keys: ['oidc-fixture-cookie-key'] },
    async findAccount(_ctx, id) {
      const claims = accounts.get(id) ?? {};
      return { accountId: id, claims: async () => ({ sub: id, ...claims }) };
    },
  });
  handler = provider.callback();
  process.stdout.write(`${JSON.stringify({ issuer })}\n`);
});

process.on('SIGTERM', () => server.close(() => process.exit(0)));
