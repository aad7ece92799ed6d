import { currentUserSchema, leadListSchema } from '@baton/api-contract';
import { fakeResponse } from '../test/fake-response';
import { makeLeadSummary } from '../test/make-lead-summary';
import { mockFetch } from '../test/mock-fetch';
import { testUuid } from '../test/test-uuid';
import { apiCommand, apiRequest, buildUrl } from './api-client';
import { ApiRequestError } from './api-request-error';
import { readCsrfToken } from './csrf-token';

const user = { id: testUuid(9), name: 'Grace Hopper', email: 'grace@example.com', role: 'manager' };

function setCookie(value: string) {
  document.cookie = value;
}

afterEach(() => {
  document.cookie = 'baton_csrf=; expires=Thu, 01 Jan 1970 00:00:00 GMT';
});

describe('apiRequest', () => {
  it('sends the CSRF cookie value as X-CSRF-Token on non-GET requests, same-origin', async () => {
    setCookie('baton_csrf=tok%2Ben-123');
    const { requests } = mockFetch({ 'POST /api/v1/auth/login': fakeResponse(200, user) });

    await apiRequest('POST', '/api/v1/auth/login', currentUserSchema, {
      body: { email: 'grace@example.com', password: 'secret' },
    });

    expect(requests).toHaveLength(1);
    expect(requests[0]?.headers['X-CSRF-Token']).toBe('tok+en-123');
    expect(requests[0]?.headers['Content-Type']).toBe('application/json');
    expect(requests[0]?.credentials).toBe('same-origin');
    expect(requests[0]?.body).toEqual({ email: 'grace@example.com', password: 'secret' });
  });

  it('does not send the CSRF header on GET requests', async () => {
    setCookie('baton_csrf=abc');
    const { requests } = mockFetch({ 'GET /api/v1/auth/me': fakeResponse(200, user) });

    await apiRequest('GET', '/api/v1/auth/me', currentUserSchema);

    expect(requests[0]?.headers['X-CSRF-Token']).toBeUndefined();
    expect(requests[0]?.credentials).toBe('same-origin');
  });

  it('sends commands without a body and accepts 204', async () => {
    setCookie('baton_csrf=abc');
    const { requests } = mockFetch({ 'POST /api/v1/auth/logout': fakeResponse(204) });

    await expect(apiCommand('POST', '/api/v1/auth/logout')).resolves.toBeUndefined();
    expect(requests[0]?.headers['X-CSRF-Token']).toBe('abc');
    expect(requests[0]?.headers['Content-Type']).toBeUndefined();
  });

  it('parses the response with the contract schema', async () => {
    const list = { items: [makeLeadSummary()], nextCursor: 'c2', total: 1 };
    mockFetch({ 'GET /api/v1/leads': fakeResponse(200, list) });

    const result = await apiRequest('GET', '/api/v1/leads', leadListSchema, {
      query: { limit: 25 },
    });

    expect(result).toEqual(list);
  });

  it('turns an ApiError body into an ApiRequestError with its issues', async () => {
    const body = {
      statusCode: 400,
      error: 'Bad Request',
      message: 'Validation failed',
      issues: [{ path: 'email', message: 'email must be a valid address' }],
    };
    mockFetch({ 'POST /api/v1/auth/login': fakeResponse(400, body, 'Bad Request') });

    const error = await apiRequest('POST', '/api/v1/auth/login', currentUserSchema, {
      body: {},
    }).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(ApiRequestError);
    const apiError = error as ApiRequestError;
    expect(apiError.status).toBe(400);
    expect(apiError.message).toBe('Validation failed');
    expect(apiError.issues).toEqual([{ path: 'email', message: 'email must be a valid address' }]);
    expect(apiError.body).toEqual(body);
  });

  it.each([
    [401, '', 'You are not signed in.'],
    [429, 'Too Many Requests', 'Too many requests. Wait a moment and try again.'],
    [
      502,
      '<html>Bad gateway</html>',
      'The server had a problem (status 502). Try again in a moment.',
    ],
    [418, '{"unexpected":true}', 'The request failed (status 418).'],
  ])(
    'falls back to a readable message when a %p body is not an ApiError',
    async (status, body, message) => {
      mockFetch({ 'GET /api/v1/auth/me': fakeResponse(status, body) });

      const error = (await apiRequest('GET', '/api/v1/auth/me', currentUserSchema).catch(
        (e: unknown) => e,
      )) as ApiRequestError;

      expect(error).toBeInstanceOf(ApiRequestError);
      expect(error.status).toBe(status);
      expect(error.message).toBe(message);
      expect(error.issues).toEqual([]);
    },
  );

  it('reports a network failure as status 0 with a clear message', async () => {
    globalThis.fetch = jest.fn(() => Promise.reject(new TypeError('Failed to fetch')));

    const error = (await apiRequest('GET', '/api/v1/auth/me', currentUserSchema).catch(
      (e: unknown) => e,
    )) as ApiRequestError;

    expect(error.status).toBe(0);
    expect(error.message).toMatch(/Cannot reach the Baton server/);
  });

  it('rejects an answer that does not match the contract, naming the fields', async () => {
    mockFetch({ 'GET /api/v1/auth/me': fakeResponse(200, { ...user, role: 'owner' }) });

    const error = (await apiRequest('GET', '/api/v1/auth/me', currentUserSchema).catch(
      (e: unknown) => e,
    )) as ApiRequestError;

    expect(error).toBeInstanceOf(ApiRequestError);
    expect(error.body.error).toBe('Unexpected Response');
    expect(error.issues.map((i) => i.path)).toEqual(['role']);
  });
});

describe('buildUrl', () => {
  it.each([
    [{}, '/api/v1/leads'],
    [{ status: 'new', q: undefined, limit: 25 }, '/api/v1/leads?status=new&limit=25'],
    [{ q: '', cursor: 'abc' }, '/api/v1/leads?cursor=abc'],
    [{ q: 'ada & co' }, '/api/v1/leads?q=ada+%26+co'],
  ])('%p → %s', (query, expected) => {
    expect(buildUrl('/api/v1/leads', query)).toBe(expected);
  });
});

describe('readCsrfToken', () => {
  it.each([
    ['baton_session=x; baton_csrf=abc', 'abc'],
    ['baton_csrf=a%3Db', 'a=b'],
    ['other=1', undefined],
    ['baton_csrf=', undefined],
    ['', undefined],
  ])('%p → %p', (cookies, expected) => {
    expect(readCsrfToken(cookies)).toBe(expected);
  });
});
