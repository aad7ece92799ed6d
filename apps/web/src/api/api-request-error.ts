import type { ApiError } from '@baton/api-contract';

// Every failed call ends up as one of these: server errors keep the server's ApiError body
// (message + field issues), network and contract failures get a body of the same shape.
export class ApiRequestError extends Error {
  readonly status: number;
  readonly body: ApiError;
  /** The answer's JSON as sent, for endpoints that add fields to ApiError (e.g. `problems`). */
  readonly raw: unknown;

  constructor(body: ApiError, raw: unknown = body) {
    super(body.message);
    this.name = 'ApiRequestError';
    this.status = body.statusCode;
    this.body = body;
    this.raw = raw;
  }

  get issues(): NonNullable<ApiError['issues']> {
    return this.body.issues ?? [];
  }
}

export function isApiRequestError(error: unknown, status?: number): error is ApiRequestError {
  return error instanceof ApiRequestError && (status === undefined || error.status === status);
}

/** A sentence for people, whatever was thrown. */
export function errorMessage(error: unknown): string {
  if (error instanceof ApiRequestError) return error.message;
  if (error instanceof Error && error.message) return error.message;
  return 'Something went wrong.';
}
