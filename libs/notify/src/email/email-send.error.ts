export type EmailSendFailure =
  'invalid_message' | 'config' | 'connection' | 'timeout' | 'tls' | 'auth' | 'rejected' | 'failed';

/**
 * Sending failed, with what a caller needs to decide: `reason` for the timeline, `retryable`
 * for Temporal (a rejected address or bad credentials will not fix themselves), and the SMTP
 * reply when the server gave one.
 */
export class EmailSendError extends Error {
  override readonly name = 'EmailSendError';

  constructor(
    readonly reason: EmailSendFailure,
    message: string,
    readonly details: {
      retryable: boolean;
      responseCode?: number;
      response?: string;
      cause?: unknown;
    },
  ) {
    super(message, { cause: details.cause });
  }

  get retryable(): boolean {
    return this.details.retryable;
  }

  get responseCode(): number | undefined {
    return this.details.responseCode;
  }
}
