import { createWebhookSender } from '@baton/notify';
import type { ActivityHttpClient } from './activity-context';

export interface GuardedHttpClientOptions {
  /** Off in production unless the install allows internal receivers (WEBHOOK_ALLOW_PRIVATE_NETWORKS). */
  allowPrivateNetworks: boolean;
  /** Used when a request names no timeout of its own. */
  defaultTimeoutMs: number;
  /** The step's key, sent unless a request brings its own. */
  idempotencyKey: string;
}

/** The context's http: @baton/notify's webhook sender (SSRF guard, signing, no redirects, timeout). */
export function createGuardedHttpClient(options: GuardedHttpClientOptions): ActivityHttpClient {
  return {
    async send(request) {
      const sender = createWebhookSender({
        timeoutMs: request.timeoutMs ?? options.defaultTimeoutMs,
        allowPrivateNetworks: options.allowPrivateNetworks,
      });
      const delivery = await sender.send({
        url: request.url,
        body: request.body,
        idempotencyKey: request.idempotencyKey ?? options.idempotencyKey,
        ...(request.method ? { method: request.method } : {}),
        ...(request.signingSecret ? { secret: request.signingSecret } : {}),
      });
      return {
        status: delivery.status,
        durationMs: delivery.durationMs,
        body: delivery.responseBody,
      };
    },
  };
}
