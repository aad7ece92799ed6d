import { apiErrorSchema, type ApiError } from '@baton/api-contract';
import type { z } from 'zod';
import { ApiRequestError } from './api-request-error';
import { csrfHeaderName, readCsrfToken } from './csrf-token';

export type QueryParams = Record<string, string | number | undefined>;

interface RequestOptions {
  query?: QueryParams;
  body?: unknown;
  signal?: AbortSignal;
  /** Extra request headers, e.g. Idempotency-Key. */
  headers?: Record<string, string>;
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

const fallbackMessages: Record<number, string> = {
  400: 'The request was not accepted.',
  401: 'You are not signed in.',
  403: 'You do not have access to this.',
  404: 'Not found.',
  429: 'Too many requests. Wait a moment and try again.',
};

export function buildUrl(path: string, query: QueryParams = {}): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== '') params.set(key, String(value));
  }
  const search = params.toString();
  return search ? `${path}?${search}` : path;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function errorFromResponse(status: number, statusText: string, text: string): ApiRequestError {
  const json = parseJson(text);
  const parsed = apiErrorSchema.safeParse(json);
  if (parsed.success) return new ApiRequestError(parsed.data, json);
  const message =
    fallbackMessages[status] ??
    (status >= 500
      ? `The server had a problem (status ${status}). Try again in a moment.`
      : `The request failed (status ${status}).`);
  return new ApiRequestError({ statusCode: status, error: statusText || 'Error', message });
}

function contractError(status: number, error: z.ZodError): ApiRequestError {
  const body: ApiError = {
    statusCode: status,
    error: 'Unexpected Response',
    message: 'The server answered in a shape this page does not understand. Reload to update it.',
    issues: error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message })),
  };
  return new ApiRequestError(body);
}

async function send(
  method: Method,
  path: string,
  options: RequestOptions,
): Promise<{ status: number; text: string; headers: Headers }> {
  const headers: Record<string, string> = { ...options.headers, Accept: 'application/json' };
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  if (method !== 'GET') {
    const token = readCsrfToken();
    if (token) headers[csrfHeaderName] = token;
  }

  let response: Response;
  try {
    response = await fetch(buildUrl(path, options.query), {
      method,
      headers,
      credentials: 'same-origin',
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      signal: options.signal,
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiRequestError({
      statusCode: 0,
      error: 'Network Error',
      message: 'Cannot reach the Baton server. Check your connection and try again.',
    });
  }

  const text = await response.text();
  if (!response.ok) throw errorFromResponse(response.status, response.statusText, text);
  return { status: response.status, text, headers: response.headers };
}

/** Calls the API and parses the answer with its contract schema. */
export async function apiRequest<S extends z.ZodType>(
  method: Method,
  path: string,
  schema: S,
  options: RequestOptions = {},
): Promise<z.output<S>> {
  const { status, text } = await send(method, path, options);
  const parsed = schema.safeParse(parseJson(text));
  if (!parsed.success) throw contractError(status, parsed.error);
  return parsed.data;
}

/** As apiRequest, with the response headers too (e.g. the ETag a later If-Match sends back). */
export async function apiRequestWithHeaders<S extends z.ZodType>(
  method: Method,
  path: string,
  schema: S,
  options: RequestOptions = {},
): Promise<{ data: z.output<S>; headers: Headers }> {
  const { status, text, headers } = await send(method, path, options);
  const parsed = schema.safeParse(parseJson(text));
  if (!parsed.success) throw contractError(status, parsed.error);
  return { data: parsed.data, headers };
}

/** Calls the API for its side effect only (e.g. 204 No Content). */
export async function apiCommand(
  method: Method,
  path: string,
  options: RequestOptions = {},
): Promise<void> {
  await send(method, path, options);
}
