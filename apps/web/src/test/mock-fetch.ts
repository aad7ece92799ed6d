import { fakeResponse } from './fake-response';

export interface RecordedRequest {
  method: string;
  url: URL;
  headers: Record<string, string>;
  credentials: RequestCredentials | undefined;
  body: unknown;
}

type Reply = Response | ((request: RecordedRequest) => Response | Promise<Response>);

/**
 * Installs a global fetch that answers by "METHOD /path" (query string ignored) and records
 * every request. Unknown routes get the API's 404 body.
 */
export function mockFetch(routes: Record<string, Reply>) {
  const requests: RecordedRequest[] = [];
  const fetchMock = jest.fn(async (input: RequestInfo | URL, init: RequestInit = {}) => {
    const request: RecordedRequest = {
      method: init.method ?? 'GET',
      url: new URL(String(input), 'http://localhost'),
      headers: { ...(init.headers as Record<string, string> | undefined) },
      credentials: init.credentials,
      body: typeof init.body === 'string' ? (JSON.parse(init.body) as unknown) : undefined,
    };
    requests.push(request);
    const reply = routes[`${request.method} ${request.url.pathname}`];
    if (reply === undefined) {
      return fakeResponse(404, {
        statusCode: 404,
        error: 'Not Found',
        message: `No mock for ${request.method} ${request.url.pathname}`,
      });
    }
    return typeof reply === 'function' ? reply(request) : reply;
  });
  globalThis.fetch = fetchMock as typeof fetch;
  return { fetchMock, requests };
}
