import type { INestApplication } from '@nestjs/common';
import { DiscoveryService, MetadataScanner, ModulesContainer, Reflector } from '@nestjs/core';
import type { Role } from '@baton/api-contract';
import { IS_PUBLIC, REQUIRED_ROLES, SOURCE_KEY_AUTH } from '../auth/auth.decorators';

/** Who may call a route, as the global AuthGuard decides it. */
export type RouteAccess =
  { kind: 'public' } | { kind: 'source-key' } | { kind: 'session'; roles?: readonly Role[] };

/**
 * Every controller method's access, keyed like @nestjs/swagger's default operationId
 * (`<Controller class>_<method>`), read from the same metadata and with the same precedence
 * (method over class) as AuthGuard, so the document cannot disagree with the guard.
 */
export function routeAccessByOperationId(app: INestApplication): Map<string, RouteAccess> {
  const reflector = new Reflector();
  const scanner = new MetadataScanner();
  const discovery = new DiscoveryService(app.get(ModulesContainer));
  const access = new Map<string, RouteAccess>();
  for (const wrapper of discovery.getControllers()) {
    const controller = wrapper.metatype as (new (...args: never[]) => object) | null;
    if (!controller) continue;
    const prototype = controller.prototype as Record<string, unknown>;
    for (const method of scanner.getAllMethodNames(prototype)) {
      const handler = prototype[method];
      if (typeof handler !== 'function') continue;
      const targets = [handler, controller];
      const key = `${controller.name}_${method}`;
      const found = accessOf(reflector, targets);
      const earlier = access.get(key);
      if (earlier && JSON.stringify(earlier) !== JSON.stringify(found))
        throw new Error(
          `Two controllers named ${controller.name} with different access for ${method}: rename one, so the OpenAPI document can tell them apart`,
        );
      access.set(key, found);
    }
  }
  return access;
}

// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type -- Reflector's own target type
function accessOf(reflector: Reflector, targets: Function[]): RouteAccess {
  if (reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return { kind: 'public' };
  if (reflector.getAllAndOverride<boolean>(SOURCE_KEY_AUTH, targets)) return { kind: 'source-key' };
  const roles = reflector.getAllAndOverride<Role[] | undefined>(REQUIRED_ROLES, targets);
  return roles ? { kind: 'session', roles } : { kind: 'session' };
}
