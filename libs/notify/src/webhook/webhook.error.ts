export type WebhookFailure =
  | 'invalid_url'
  | 'blocked_address'
  | 'dns_failure'
  | 'timeout'
  | 'connection'
  | 'redirect'
  | 'http_status';

/**
 * A webhook call that did not succeed. `retryable` tells the activity whether Temporal should
 * try again (a 503 might pass later; a blocked address or a 404 will not).
 */
export class WebhookError extends Error {
  override readonly name = 'WebhookError';

  constructor(
    readonly reason: WebhookFailure,
    message: string,
    readonly details: {
      retryable: boolean;
      status?: number;
      responseBody?: string;
      cause?: unknown;
    },
  ) {
    super(message, { cause: details.cause });
  }

  get retryable(): boolean {
    return this.details.retryable;
  }

  /** The HTTP status, for `http_status` and `redirect`. */
  get status(): number | undefined {
    return this.details.status;
  }
}
