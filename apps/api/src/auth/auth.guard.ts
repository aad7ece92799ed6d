import {
  type CanActivate,
  type ExecutionContext,
  ForbiddenException,
  Inject,
  Injectable,
  UnauthorizedException,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import type { Role } from '@baton/api-contract';
import { DataSource, SourceEntity } from '@baton/db';
import {
  type AuthenticatedRequest,
  IS_PUBLIC,
  REQUIRED_ROLES,
  SOURCE_KEY_AUTH,
} from './auth.decorators';
import { SESSION_COOKIE } from './auth.cookies';
import { sha256 } from './secret-token';
import { SessionService } from './session.service';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Global guard: every route needs a session unless marked @Public or @SourceKeyAuth. Roles are
 * enforced here, on the server; cookie-authenticated writes must carry the CSRF token.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    @Inject(Reflector) private readonly reflector: Reflector,
    @Inject(SessionService) private readonly sessions: SessionService,
    @Inject(DataSource) private readonly db: DataSource,
  ) {}

  async canActivate(ctx: ExecutionContext): Promise<boolean> {
    const targets = [ctx.getHandler(), ctx.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;
    const req = ctx.switchToHttp().getRequest<Request & AuthenticatedRequest>();

    if (this.reflector.getAllAndOverride<boolean>(SOURCE_KEY_AUTH, targets)) {
      req.source = await this.sourceFromKey(req);
      return true;
    }

    const token = (req.cookies as Record<string, string> | undefined)?.[SESSION_COOKIE];
    const session = token ? await this.sessions.resolve(token) : null;
    if (!session) throw new UnauthorizedException('Sign in to continue');
    if (!SAFE_METHODS.has(req.method) && req.header('x-csrf-token') !== session.csrfToken) {
      throw new ForbiddenException('Missing or wrong X-CSRF-Token header');
    }
    req.user = session.user;
    req.sessionId = session.sessionId;

    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(REQUIRED_ROLES, targets);
    if (roles && !roles.includes(session.user.role)) {
      throw new ForbiddenException(`This needs the role ${roles.join(' or ')}`);
    }
    return true;
  }

  private async sourceFromKey(req: Request): Promise<SourceEntity> {
    const header = req.header('authorization');
    const key = header?.match(/^Bearer\s+(\S+)$/i)?.[1] ?? req.header('x-api-key');
    if (!key)
      throw new UnauthorizedException('Send the source API key as "Authorization: Bearer <key>"');
    const source = await this.db
      .getRepository(SourceEntity)
      .findOneBy({ apiKeyHash: sha256(key), active: true });
    if (!source) throw new UnauthorizedException('Unknown or revoked API key');
    return source;
  }
}
