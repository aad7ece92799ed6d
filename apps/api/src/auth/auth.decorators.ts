import { createParamDecorator, type ExecutionContext, SetMetadata } from '@nestjs/common';
import type { CurrentUser, Role } from '@baton/api-contract';
import type { SourceEntity } from '@baton/db';

export const IS_PUBLIC = 'baton:public';
export const REQUIRED_ROLES = 'baton:roles';
export const SOURCE_KEY_AUTH = 'baton:source-key';

/** No authentication at all (health, login). */
export const Public = () => SetMetadata(IS_PUBLIC, true);
/** Authenticated by a source's API key instead of a person's session. */
export const SourceKeyAuth = () => SetMetadata(SOURCE_KEY_AUTH, true);
/** Only these roles may call the route (checked on the server, always). */
export const Roles = (...roles: Role[]) => SetMetadata(REQUIRED_ROLES, roles);

export interface AuthenticatedRequest {
  user?: CurrentUser;
  sessionId?: string;
  /** Set when the person is authenticated by a personal API token instead of a session. */
  apiTokenId?: string;
  source?: SourceEntity;
}

export const CurrentUserParam = createParamDecorator(
  (_: unknown, ctx: ExecutionContext): CurrentUser => {
    const user = ctx.switchToHttp().getRequest<AuthenticatedRequest>().user;
    if (!user) throw new Error('CurrentUserParam used on a route without a session');
    return user;
  },
);

export const CurrentSource = createParamDecorator(
  (_: unknown, ctx: ExecutionContext): SourceEntity => {
    const source = ctx.switchToHttp().getRequest<AuthenticatedRequest>().source;
    if (!source) throw new Error('CurrentSource used on a route without source-key auth');
    return source;
  },
);
