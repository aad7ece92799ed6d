import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { startHttpServer, type TestHttpServer } from '../../test/start-http-server.util';
import type { ResolveHost } from './resolve-allowed-address';
import { WebhookError } from './webhook.error';
import { createWebhookSender, type WebhookRequest } from './webhook-sender';
import { verifyWebhookSignature } from './webhook-signature';

const payload = { event: 'lead.routed', lead: { id: 'b3c1', name: 'Jane <Doe>', score: 88 } };
const request = (url: string, extra: Partial<WebhookRequest> = {}): WebhookRequest => ({
  url,
  body: payload,
  idempotencyKey: 'lead-b3c1:webhook-1#1',
  ...extra,
});

async function failure(promise: Promise<unknown>): Promise<WebhookError> {
  const error: unknown = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(WebhookError);
  return error as WebhookError;
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describe('createWebhookSender', () => {
  let server: TestHttpServer;
  let answer: (res: import('node:http').ServerResponse) => void;

  beforeAll(async () => {
    server = await startHttpServer((_req, res) => answer(res));
  });
  afterAll(() => server.close());
  beforeEach(() => {
    server.received.length = 0;
    answer = (res) => res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
  });

  describe('with private networks allowed (tests, on-prem receivers)', () => {
    const sender = createWebhookSender({ allowPrivateNetworks: true, timeoutMs: 2_000 });

    it('posts signed JSON with an idempotency key', async () => {
      const secret = 'whsec_local';
      const delivery = await sender.send(request(`${server.url}/hooks/lead`, { secret }));

      expect(delivery).toMatchObject({ status: 200, responseBody: '{"ok":true}' });
      const [received] = server.received;
      expect(received).toMatchObject({
        method: 'POST',
        url: '/hooks/lead',
        body: JSON.stringify(payload),
      });
      expect(received?.headers['content-type']).toBe('application/json');
      expect(received?.headers['x-baton-idempotency-key']).toBe('lead-b3c1:webhook-1#1');
      const signature = received?.headers['x-baton-signature'] as string;
      expect(signature).toMatch(/^t=\d+,v1=[0-9a-f]{64}$/);
      expect(
        verifyWebhookSignature(secret, signature, received?.body ?? '', { toleranceSeconds: 60 }),
      ).toBe(true);
      expect(
        verifyWebhookSignature('wrong', signature, received?.body ?? '', { toleranceSeconds: 60 }),
      ).toBe(false);
    });

    it('sends no signature without a secret, and honours the method', async () => {
      await sender.send(request(server.url, { method: 'PUT' }));
      expect(server.received[0]?.method).toBe('PUT');
      expect(server.received[0]?.headers['x-baton-signature']).toBeUndefined();
    });

    it('connects to the address it resolved and checked, keeping the hostname', async () => {
      const resolveHost = jest.fn<ReturnType<ResolveHost>, Parameters<ResolveHost>>(async () => [
        { address: '127.0.0.1', family: 4 },
      ]);
      const pinned = createWebhookSender({
        allowPrivateNetworks: true,
        timeoutMs: 2_000,
        resolveHost,
      });
      await pinned.send(request(`http://crm.internal.test:${server.port}/in`));
      expect(resolveHost).toHaveBeenCalledTimes(1);
      expect(resolveHost).toHaveBeenCalledWith('crm.internal.test');
      expect(server.received[0]?.headers.host).toBe(`crm.internal.test:${server.port}`);
    });

    it.each([
      [500, true],
      [503, true],
      [429, true],
      [404, false],
      [400, false],
    ])('turns %i into a typed error (retryable: %s)', async (status, retryable) => {
      answer = (res) => res.writeHead(status).end('receiver says no');
      const error = await failure(sender.send(request(server.url)));
      expect(error).toMatchObject({ reason: 'http_status', status, retryable });
      expect(error.details.responseBody).toBe('receiver says no');
    });

    it('does not follow redirects', async () => {
      answer = (res) => res.writeHead(302, { location: `${server.url}/elsewhere` }).end();
      const error = await failure(sender.send(request(`${server.url}/start`)));
      expect(error).toMatchObject({ reason: 'redirect', status: 302, retryable: false });
      expect(server.received.map((r) => r.url)).toEqual(['/start']);
    });

    it('gives up after the timeout', async () => {
      answer = () => undefined; // never answers
      const started = Date.now();
      const error = await failure(
        createWebhookSender({ allowPrivateNetworks: true, timeoutMs: 200 }).send(
          request(server.url),
        ),
      );
      expect(error).toMatchObject({ reason: 'timeout', retryable: true });
      expect(Date.now() - started).toBeLessThan(2_000);
    });

    it('reports a receiver that is not listening', async () => {
      const error = await failure(sender.send(request(`http://127.0.0.1:${await freePort()}/`)));
      expect(error).toMatchObject({ reason: 'connection', retryable: true });
      expect(error.message).toContain('ECONNREFUSED');
    });

    it('reports a name that does not resolve', async () => {
      const resolveHost: ResolveHost = () =>
        Promise.reject(
          Object.assign(new Error('getaddrinfo ENOTFOUND nowhere.test'), { code: 'ENOTFOUND' }),
        );
      const error = await failure(
        createWebhookSender({ allowPrivateNetworks: true, timeoutMs: 500, resolveHost }).send(
          request('http://nowhere.test/'),
        ),
      );
      expect(error).toMatchObject({ reason: 'dns_failure', retryable: true });
    });

    it('can send through an injected fetch, still without following redirects', async () => {
      const viaFetch = createWebhookSender({ allowPrivateNetworks: true, timeoutMs: 2_000, fetch });
      await expect(viaFetch.send(request(server.url, { secret: 's' }))).resolves.toMatchObject({
        status: 200,
      });
      expect(server.received[0]?.headers['x-baton-signature']).toBeDefined();

      answer = (res) => res.writeHead(307, { location: `${server.url}/elsewhere` }).end();
      await expect(failure(viaFetch.send(request(`${server.url}/start`)))).resolves.toMatchObject({
        reason: 'redirect',
      });
      expect(server.received.map((r) => r.url)).toEqual(['/', '/start']);
    });
  });

  describe('with the SSRF guard on (the default)', () => {
    const resolveHost = jest.fn<ReturnType<ResolveHost>, Parameters<ResolveHost>>();
    const guarded = createWebhookSender({ timeoutMs: 1_000, resolveHost });
    beforeEach(() => resolveHost.mockReset());
    afterEach(() => expect(server.received).toEqual([]));

    it.each([
      ['loopback', () => `http://127.0.0.1:${server.port}/`, 'loopback'],
      ['a private network', () => 'http://10.0.0.1/hook', 'private'],
      [
        'the cloud metadata service',
        () => 'http://169.254.169.254/latest/meta-data/',
        'link-local',
      ],
      ['IPv6 loopback', () => `http://[::1]:${server.port}/`, 'loopback'],
      ['IPv4-mapped IPv6 loopback', () => `http://[::ffff:127.0.0.1]:${server.port}/`, 'loopback'],
      ['the unspecified address', () => `http://0.0.0.0:${server.port}/`, 'unspecified'],
      ['CGNAT space', () => 'https://100.64.1.2/', 'cgnat'],
    ])('refuses %s', async (_title, url, kind) => {
      const error = await failure(guarded.send(request(url())));
      expect(error).toMatchObject({ reason: 'blocked_address', retryable: false });
      expect(error.message).toContain(kind);
      expect(resolveHost).not.toHaveBeenCalled();
    });

    it('refuses a hostname that resolves to loopback', async () => {
      resolveHost.mockResolvedValue([{ address: '127.0.0.1', family: 4 }]);
      const error = await failure(
        guarded.send(request(`http://innocent.example.test:${server.port}/`)),
      );
      expect(error).toMatchObject({ reason: 'blocked_address' });
      expect(error.message).toContain('resolves to 127.0.0.1');
    });

    it('refuses a hostname with any private address among public ones', async () => {
      resolveHost.mockResolvedValue([
        { address: '93.184.215.14', family: 4 },
        { address: 'fd00::5', family: 6 },
      ]);
      await expect(
        failure(guarded.send(request('https://mixed.example.test/'))),
      ).resolves.toMatchObject({ reason: 'blocked_address' });
    });

    it('refuses localhost through the system resolver', async () => {
      const error = await failure(
        createWebhookSender({ timeoutMs: 1_000 }).send(request(`http://localhost:${server.port}/`)),
      );
      expect(error).toMatchObject({ reason: 'blocked_address' });
    });

    it.each([
      'ftp://files.example.com/drop',
      'file:///etc/passwd',
      'gopher://example.com/',
      'not a url',
    ])('refuses %s', async (url) => {
      const error = await failure(guarded.send(request(url)));
      expect(error).toMatchObject({ reason: 'invalid_url', retryable: false });
    });
  });
});
