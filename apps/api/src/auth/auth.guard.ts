import {
  type CanActivate,
  type ExecutionContext,
  ForbiddenException,
  Inject,
  Injectable,
  type RawBodyRequest,
  ServiceUnavailableException,
  UnauthorizedException,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request, Response } from 'express';
import type { CurrentUser, Role } from '@baton/api-contract';
import { DataSource, SourceEntity } from '@baton/db';
import {
  type AuthenticatedRequest,
  IS_PUBLIC,
  REQUIRED_ROLES,
  SOURCE_KEY_AUTH,
} from './auth.decorators';
import { SESSION_COOKIE } from './auth.cookies';
import { API_CONFIG, type ApiConfig } from '../config/api-config';
import {
  checkRequestSignature,
  deriveSourceSigningSecret,
  INTAKE_SIGNATURE_HEADER,
  type SignedIntakeRequest,
} from '../intake/request-signature';
import { ApiTokenAuthService } from './api-token-auth.service';
import { sha256 } from './secret-token';
import { SessionService } from './session.service';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Global guard: every route needs a session unless marked @Public or @SourceKeyAuth. Roles are
 * enforced here, on the server; cookie-authenticated writes must carry the CSRF token. A personal
 * API token in "Authorization: Bearer" stands in for the session (never from a cookie or the
 * query string) and needs no CSRF token: a browser sends no Authorization header on its own. A
 * source that requires signing must also send a valid X-Baton-Signature over the raw body.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    @Inject(Reflector) private readonly reflector: Reflector,
    @Inject(SessionService) private readonly sessions: SessionService,
    @Inject(ApiTokenAuthService) private readonly apiTokens: ApiTokenAuthService,
    @Inject(DataSource) private readonly db: DataSource,
    @Inject(API_CONFIG) private readonly config: ApiConfig,
  ) {}

  async canActivate(ctx: ExecutionContext): Promise<boolean> {
    const targets = [ctx.getHandler(), ctx.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;
    const req = ctx.switchToHttp().getRequest<Request & AuthenticatedRequest>();

    if (this.reflector.getAllAndOverride<boolean>(SOURCE_KEY_AUTH, targets)) {
      req.source = await this.sourceFromKey(req);
      if (req.source.signatureRequired) this.verifySignature(req, req.source);
      return true;
    }

    const bearer = req.header('authorization')?.match(/^Bearer\s+(\S+)$/i)?.[1];
    if (bearer) {
      req.user = await this.personFromApiToken(ctx, req, bearer);
    } else {
      const token = (req.cookies as Record<string, string> | undefined)?.[SESSION_COOKIE];
      const session = token ? await this.sessions.resolve(token) : null;
      if (!session) throw new UnauthorizedException('Sign in to continue');
      if (!SAFE_METHODS.has(req.method) && req.header('x-csrf-token') !== session.csrfToken) {
        throw new ForbiddenException('Missing or wrong X-CSRF-Token header');
      }
      req.user = session.user;
      req.sessionId = session.sessionId;
    }

    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(REQUIRED_ROLES, targets);
    if (roles && !roles.includes(req.user.role)) {
      throw new ForbiddenException(`This needs the role ${roles.join(' or ')}`);
    }
    return true;
  }

  private async personFromApiToken(
    ctx: ExecutionContext,
    req: Request & AuthenticatedRequest,
    secret: string,
  ): Promise<CurrentUser> {
    try {
      const principal = await this.apiTokens.authenticate(secret, req.ip);
      req.apiTokenId = principal.tokenId;
      return principal.user;
    } catch (error) {
      if (error instanceof UnauthorizedException)
        ctx.switchToHttp().getResponse<Response>().setHeader('WWW-Authenticate', 'Bearer');
      throw error;
    }
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

  /**
   * Timestamp and HMAC only; replays are refused by the intake transaction, which records the
   * signature together with the lead (see LeadIntakeService.accept).
   */
  private verifySignature(
    req: RawBodyRequest<Request> & SignedIntakeRequest,
    source: SourceEntity,
  ): void {
    const masterKey = this.config.BATON_SIGNING_KEY;
    if (!masterKey) {
      // Fail closed, and retryable: the sender's leads are not lost once the operator fixes it.
      throw new ServiceUnavailableException({
        error: 'Service Unavailable',
        message:
          'This source requires signed requests, but the server has no BATON_SIGNING_KEY to check them with; ask the Baton administrator',
      });
    }
    const secret = deriveSourceSigningSecret(masterKey, source.id, source.signingKeyVersion);
    const check = checkRequestSignature(
      secret,
      req.header(INTAKE_SIGNATURE_HEADER),
      rawBodyOf(req),
    );
    if (!check.ok)
      throw new UnauthorizedException({ error: 'Unauthorized', message: check.message });
    req.verifiedSignature = check.signature;
  }
}

/**
 * The exact bytes received. The app must be created with `rawBody: true` so the body parsers keep
 * them; no parsed body means there was no body (or one of a type nobody parses): sign "".
 */
function rawBodyOf(req: RawBodyRequest<Request>): Buffer {
  if (req.rawBody) return req.rawBody;
  if (req.body === undefined) return Buffer.alloc(0);
  throw new Error(
    'The request body was parsed but its raw bytes were not kept: create the Nest app with { rawBody: true } (create-app.ts) so signed intake can be verified',
  );
}
