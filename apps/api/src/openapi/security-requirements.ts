import type { OpenAPIObject } from '@nestjs/swagger';
import type { RouteAccess } from './route-access';

/** The two ways a person authenticates: the web app's session cookie, or a personal API token. */
export const SESSION_SCHEME = 'session';
export const PERSONAL_API_TOKEN_SCHEME = 'personalApiToken';

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;

/**
 * Declares, on every route a person calls, that either the session cookie or a personal API
 * token ("Authorization: Bearer baton_pat_…") authenticates it, as AuthGuard decides. Public and
 * source-key routes keep what they declare themselves. `access` is keyed by operationId.
 */
export function addSecurityRequirements(
  document: OpenAPIObject,
  access: ReadonlyMap<string, RouteAccess>,
): OpenAPIObject {
  for (const item of Object.values(document.paths)) {
    for (const method of METHODS) {
      const operation = item[method];
      const routeAccess = operation?.operationId ? access.get(operation.operationId) : undefined;
      if (!operation || routeAccess?.kind !== 'session') continue;
      operation.security = [{ [SESSION_SCHEME]: [] }, { [PERSONAL_API_TOKEN_SCHEME]: [] }];
    }
  }
  return document;
}
