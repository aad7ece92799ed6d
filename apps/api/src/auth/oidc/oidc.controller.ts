import { Controller, Get, Inject, NotFoundException, Req, Res } from '@nestjs/common';
import { ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import {
  apiErrorSchema,
  type SignInOptions,
  signInOptionsSchema,
  type SsoErrorCode,
} from '@baton/api-contract';
import { API_CONFIG, type ApiConfig } from '../../config/api-config';
import { Public } from '../auth.decorators';
import { SessionService } from '../session.service';
import { setSessionCookies } from '../session-cookies';
import type { OidcSettings } from './oidc-config';
import { OidcProtocolService, OidcSignInError } from './oidc-protocol.service';
import { OIDC_STATE_COOKIE, OIDC_STATE_TTL_MS, OidcStateCookie } from './oidc-state-cookie';
import { SsoAccountService } from './sso-account.service';

const START_PATH = '/api/v1/auth/oidc/start';
const STATE_COOKIE_PATH = '/api/v1/auth/oidc';
const redirectHeader = { Location: { schema: { type: 'string' } } };

/** Single sign-on with the organisation's OIDC provider (authorization code + PKCE). */
@ApiTags('auth')
@Controller('api/v1/auth')
export class OidcController {
  private readonly stateCookie: OidcStateCookie | null;

  constructor(
    @Inject(API_CONFIG) private readonly config: ApiConfig,
    @Inject(OidcProtocolService) private readonly protocol: OidcProtocolService,
    @Inject(SsoAccountService) private readonly accounts: SsoAccountService,
    @Inject(SessionService) private readonly sessions: SessionService,
  ) {
    const oidc = config.signIn.oidc;
    this.stateCookie = oidc ? new OidcStateCookie(oidc.clientSecret) : null;
  }

  @Public()
  @Get('providers')
  @ApiResponse({ status: 200, standardSchema: signInOptionsSchema })
  providers(): SignInOptions {
    const oidc = this.config.signIn.oidc;
    return {
      passwords: this.config.signIn.localPasswords,
      sso: oidc ? { name: oidc.displayName, startUrl: START_PATH } : null,
    };
  }

  @Public()
  @Get('oidc/start')
  @ApiResponse({ status: 303, description: "To the provider's sign-in", headers: redirectHeader })
  @ApiResponse({
    status: 404,
    description: 'Single sign-on is not configured',
    standardSchema: apiErrorSchema,
  })
  async start(@Res() res: Response): Promise<void> {
    const settings = this.settingsOrNotFound();
    try {
      const { url, pending } = await this.protocol.begin(settings);
      res.cookie(OIDC_STATE_COOKIE, this.stateCookie?.seal(pending), {
        httpOnly: true,
        // Lax: the provider sends the browser back with a top-level GET, which carries it.
        sameSite: 'lax',
        secure: this.config.cookieSecure,
        path: STATE_COOKIE_PATH,
        maxAge: OIDC_STATE_TTL_MS,
      });
      res.redirect(303, url.href);
    } catch (error) {
      if (!(error instanceof OidcSignInError)) throw error;
      this.toLoginPage(res, 'unavailable');
    }
  }

  @Public()
  @Get('oidc/callback')
  @ApiResponse({
    status: 303,
    description: 'Into the app with a session, or to the login page with ?sso_error=<code>',
    headers: redirectHeader,
  })
  @ApiResponse({
    status: 404,
    description: 'Single sign-on is not configured',
    standardSchema: apiErrorSchema,
  })
  async callback(@Req() req: Request, @Res() res: Response): Promise<void> {
    const settings = this.settingsOrNotFound();
    // Single use: whatever happens next, this pending sign-in is over.
    res.clearCookie(OIDC_STATE_COOKIE, { path: STATE_COOKIE_PATH });
    const pending = this.stateCookie?.open(
      (req.cookies as Record<string, unknown>)[OIDC_STATE_COOKIE],
    );
    if (!pending) return this.toLoginPage(res, req.query['error'] ? 'denied' : 'failed');

    let claims: Record<string, unknown>;
    try {
      const at = req.originalUrl.indexOf('?');
      claims = await this.protocol.finish(
        settings,
        at < 0 ? '' : req.originalUrl.slice(at),
        pending,
      );
    } catch (error) {
      if (!(error instanceof OidcSignInError)) throw error;
      return this.toLoginPage(res, error.code);
    }
    const match = await this.accounts.match(settings, claims);
    if (!match.ok) return this.toLoginPage(res, match.code, match.email);
    setSessionCookies(res, await this.sessions.create(match.userId), this.config.cookieSecure);
    res.redirect(303, '/');
  }

  private settingsOrNotFound(): OidcSettings {
    const settings = this.config.signIn.oidc;
    if (!settings)
      throw new NotFoundException(
        'Single sign-on is not configured: set OIDC_ISSUER_URL, OIDC_CLIENT_ID, OIDC_CLIENT_SECRET and BATON_PUBLIC_URL on the API',
      );
    return settings;
  }

  private toLoginPage(res: Response, code: SsoErrorCode, email?: string): void {
    const query = new URLSearchParams({ sso_error: code });
    if (email) query.set('sso_email', email);
    res.redirect(303, `/?${query.toString()}`);
  }
}
