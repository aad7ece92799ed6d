import type { OpenAPIObject, OperationObject } from '@nestjs/swagger';
import { addCommonErrorResponses } from './common-error-responses';
import type { RouteAccess } from './route-access';

const ok = { '200': { description: 'OK' } };
const idParam = { name: 'id', in: 'path' as const, required: true, schema: { type: 'string' } };
const jsonBody = { content: { 'application/json': { schema: { type: 'object' } } } };

function documentWith(paths: Record<string, Record<string, OperationObject>>): OpenAPIObject {
  return { openapi: '3.0.0', info: { title: 't', version: '1' }, paths };
}

const statuses = (op: OperationObject | undefined) => Object.keys(op?.responses ?? {}).sort();

describe('addCommonErrorResponses', () => {
  it('adds what validation, the body parser and AuthGuard answer, by what each route has', () => {
    const doc = documentWith({
      '/public': { get: { operationId: 'P_get', responses: ok } },
      '/things/{id}': {
        get: { operationId: 'T_get', parameters: [idParam], responses: ok },
        put: { operationId: 'T_put', parameters: [idParam], requestBody: jsonBody, responses: ok },
      },
      '/admin': { get: { operationId: 'A_get', responses: ok } },
      '/leads': { post: { operationId: 'L_post', requestBody: jsonBody, responses: ok } },
    });
    const access = new Map<string, RouteAccess>([
      ['P_get', { kind: 'public' }],
      ['T_get', { kind: 'session' }],
      ['T_put', { kind: 'session' }],
      ['A_get', { kind: 'session', roles: ['admin'] }],
      ['L_post', { kind: 'source-key' }],
    ]);
    addCommonErrorResponses(doc, access);

    expect(statuses(doc.paths['/public']?.get)).toEqual(['200']);
    expect(statuses(doc.paths['/things/{id}']?.get)).toEqual(['200', '400', '401']);
    expect(statuses(doc.paths['/things/{id}']?.put)).toEqual([
      '200',
      '400',
      '401',
      '403',
      '413',
      '415',
    ]);
    expect(doc.paths['/things/{id}']?.put?.responses['403']).toMatchObject({
      description: 'The X-CSRF-Token header is missing or wrong',
    });
    expect(doc.paths['/admin']?.get?.responses['403']).toMatchObject({
      description: 'This needs the role admin',
    });
    expect(statuses(doc.paths['/leads']?.post)).toEqual(['200', '400', '401', '413', '415']);
    expect(doc.paths['/leads']?.post?.responses['401']).toEqual({
      description: expect.stringMatching(/source API key/),
      content: { 'application/json': { schema: { $ref: '#/components/schemas/ApiError' } } },
    });
    expect(doc.components?.schemas?.['ApiError']).toMatchObject({
      required: ['statusCode', 'error', 'message'],
    });
  });

  it('keeps what a route documents itself', () => {
    const own = { description: 'Reps may see only themselves' };
    const doc = documentWith({
      '/x': { post: { operationId: 'X_post', responses: { ...ok, '403': own } } },
    });
    addCommonErrorResponses(doc, new Map([['X_post', { kind: 'session' }]]));
    expect(doc.paths['/x']?.post?.responses['403']).toBe(own);
  });

  it('refuses to guess the access of an operation it does not know', () => {
    const doc = documentWith({ '/x': { get: { operationId: 'X_get', responses: ok } } });
    expect(() => addCommonErrorResponses(doc, new Map())).toThrow(
      'OpenAPI: no route access known for GET /x',
    );
  });
});
