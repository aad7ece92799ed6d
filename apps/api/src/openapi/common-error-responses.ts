import type {
  OpenAPIObject,
  OperationObject,
  ReferenceObject,
  ResponseObject,
  SchemaObject,
} from '@nestjs/swagger';
import { z } from 'zod';
import { apiErrorSchema } from '@baton/api-contract';
import type { RouteAccess } from './route-access';

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;
const SAFE_METHODS = new Set<string>(['get', 'head', 'options']);

/**
 * Adds to every operation the error answers that come from the app as a whole rather than from
 * the route: the validation pipe and the text guard (400), the body parser (413, 415) and
 * AuthGuard (401, 403). A status the route documents itself is left as the route says.
 * `access` is keyed by operationId (see routeAccessByOperationId); an operation missing from it
 * is a programming error, so it throws rather than guess.
 */
export function addCommonErrorResponses(
  document: OpenAPIObject,
  access: ReadonlyMap<string, RouteAccess>,
): OpenAPIObject {
  const errorSchema = registerSchema(document, apiErrorSchema);
  for (const [path, item] of Object.entries(document.paths)) {
    for (const method of METHODS) {
      const operation = item[method];
      if (!operation) continue;
      const routeAccess = operation.operationId ? access.get(operation.operationId) : undefined;
      if (!routeAccess)
        throw new Error(`OpenAPI: no route access known for ${method.toUpperCase()} ${path}`);
      const responses = { ...operation.responses };
      for (const [status, description] of commonErrors(method, operation, routeAccess)) {
        responses[status] ??= {
          description,
          content: { 'application/json': { schema: errorSchema } },
        } satisfies ResponseObject;
      }
      operation.responses = responses;
    }
  }
  return document;
}

/** The generic error answers of one operation, by status. */
function commonErrors(
  method: string,
  operation: OperationObject,
  access: RouteAccess,
): [status: string, description: string][] {
  const errors: [string, string][] = [];
  if ((operation.parameters?.length ?? 0) > 0 || operation.requestBody)
    errors.push(['400', 'The request is not valid; `issues` names each field and what is wrong']);
  if (access.kind === 'source-key')
    errors.push([
      '401',
      'No, unknown or revoked source API key, or a missing or wrong X-Baton-Signature',
    ]);
  if (access.kind === 'session') {
    errors.push([
      '401',
      'Not signed in, the session has expired, or the API token is unknown, expired or revoked',
    ]);
    const forbidden = [
      ...(SAFE_METHODS.has(method) ? [] : ['the X-CSRF-Token header is missing or wrong']),
      ...(access.roles ? [`this needs the role ${access.roles.join(' or ')}`] : []),
    ];
    if (forbidden.length) errors.push(['403', capitalise(forbidden.join(', or '))]);
  }
  if (operation.requestBody) {
    errors.push(['413', 'The request body is too large']);
    errors.push(['415', 'The body is in a charset or content encoding the API does not read']);
  }
  return errors;
}

/**
 * The schema's component, added from zod the way @nestjs/swagger converts `standardSchema`
 * (OpenAPI 3.0 output, components named by `.meta({ id })`), and a reference to it.
 */
function registerSchema(document: OpenAPIObject, schema: z.ZodType): ReferenceObject {
  const converted = z.toJSONSchema(schema, { target: 'openapi-3.0', io: 'output' }) as {
    $ref?: string;
    definitions?: Record<string, SchemaObject>;
  };
  const id = converted.$ref?.split('/').pop();
  if (!id || !converted.definitions?.[id])
    throw new Error('OpenAPI: the error schema needs a .meta({ id }) to be a named component');
  const components = (document.components ??= {});
  const schemas = (components.schemas ??= {});
  for (const [name, definition] of Object.entries(converted.definitions))
    schemas[name] ??= definition;
  return { $ref: `#/components/schemas/${id}` };
}

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
