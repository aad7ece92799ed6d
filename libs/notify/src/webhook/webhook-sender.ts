import { deliverOverFetch, deliverOverHttp, type HttpDeliveryResponse } from './http-delivery';
import {
  resolveAllowedAddress,
  resolveWithSystemDns,
  type ResolveHost,
} from './resolve-allowed-address';
import { WebhookError } from './webhook.error';
import { IDEMPOTENCY_HEADER, SIGNATURE_HEADER, signWebhookPayload } from './webhook-signature';
import { clipText } from '@baton/text';

export interface WebhookSenderOptions {
  timeoutMs: number;
  /**
   * Allow loopback, private, link-local and other internal addresses. Off by default: a flow
   * author must not be able to make the server call its own network (metadata service, admin
   * ports). On-prem installs whose receivers live inside, and tests, turn it on.
   */
  allowPrivateNetworks?: boolean;
  resolveHost?: ResolveHost;
  /**
   * Send through this fetch instead of node's http client. Addresses are still checked first,
   * but fetch resolves the name again, so the connection is not pinned to the checked address:
   * only for tests or a trusted egress proxy.
   */
  fetch?: typeof fetch;
  userAgent?: string;
  /** For tests: the signing time. */
  now?: () => Date;
}

export interface WebhookRequest {
  url: string;
  body: unknown;
  /** Same key on every retry of one step, so the receiver can drop duplicates. */
  idempotencyKey: string;
  /** Signs the request when given. */
  secret?: string;
  method?: 'POST' | 'PUT' | 'PATCH';
}

export interface WebhookDelivery {
  status: number;
  durationMs: number;
  /** The start of the receiver's answer (at most 4 KiB). */
  responseBody: string;
}

export interface WebhookSender {
  /** One attempt; throws WebhookError. Retries belong to the caller (Temporal). */
  send(request: WebhookRequest): Promise<WebhookDelivery>;
}

function parseTarget(raw: string): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new WebhookError('invalid_url', `not a URL: ${clipText(raw, 200)}`, { retryable: false });
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new WebhookError(
      'invalid_url',
      `only http and https webhooks are allowed, not ${url.protocol}`,
      { retryable: false },
    );
  }
  return url;
}

// A receiver that is overloaded or rate limiting may accept later; other 4xx will not change.
const retryableStatus = (status: number) =>
  status >= 500 || status === 408 || status === 425 || status === 429;

function checkStatus(url: URL, res: HttpDeliveryResponse): void {
  if (res.status >= 300 && res.status < 400) {
    throw new WebhookError(
      'redirect',
      `${url.host} answered ${res.status} (redirect to ${res.location ?? 'nowhere'}); redirects are not followed`,
      {
        retryable: false,
        status: res.status,
        responseBody: res.body,
      },
    );
  }
  if (res.status >= 400 || res.status < 200) {
    throw new WebhookError('http_status', `${url.host} answered ${res.status}`, {
      retryable: retryableStatus(res.status),
      status: res.status,
      responseBody: res.body,
    });
  }
}

/** Signed JSON webhooks with an SSRF guard, a hard timeout and typed failures. */
export function createWebhookSender(options: WebhookSenderOptions): WebhookSender {
  const resolveHost = options.resolveHost ?? resolveWithSystemDns;
  const allowPrivateNetworks = options.allowPrivateNetworks ?? false;
  const now = options.now ?? (() => new Date());

  return {
    async send(request) {
      const url = parseTarget(request.url);
      const address = await resolveAllowedAddress(url, { resolveHost, allowPrivateNetworks });

      const body = JSON.stringify(request.body ?? null);
      const headers: Record<string, string> = {
        'Content-Type': 'application/json',
        'User-Agent': options.userAgent ?? 'Baton-Webhook/1',
        [IDEMPOTENCY_HEADER]: request.idempotencyKey,
      };
      if (request.secret) {
        headers[SIGNATURE_HEADER] = signWebhookPayload(
          request.secret,
          body,
          Math.floor(now().getTime() / 1000),
        );
      }

      const controller = new AbortController();
      const timer = setTimeout(() => controller.abort(), options.timeoutMs);
      const started = Date.now();
      let res: HttpDeliveryResponse;
      try {
        const call = {
          url,
          method: request.method ?? 'POST',
          headers,
          body,
          signal: controller.signal,
        };
        res = options.fetch
          ? await deliverOverFetch(options.fetch, call)
          : await deliverOverHttp({ ...call, address });
      } catch (error) {
        if (controller.signal.aborted) {
          throw new WebhookError(
            'timeout',
            `${url.host} did not answer within ${options.timeoutMs} ms`,
            { retryable: true, cause: error },
          );
        }
        const code = (error as { code?: unknown }).code;
        const detail = typeof code === 'string' ? code : (error as Error).message;
        throw new WebhookError('connection', `cannot reach ${url.host}: ${detail}`, {
          retryable: true,
          cause: error,
        });
      } finally {
        clearTimeout(timer);
      }
      checkStatus(url, res);
      return { status: res.status, durationMs: Date.now() - started, responseBody: res.body };
    },
  };
}
