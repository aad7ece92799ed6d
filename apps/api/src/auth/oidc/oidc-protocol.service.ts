import { Inject, Injectable, Logger } from '@nestjs/common';
import * as oidc from 'openid-client';
import { API_CONFIG, type ApiConfig } from '../../config/api-config';
import type { OidcSettings } from './oidc-config';
import { OIDC_STATE_TTL_MS, type PendingSignIn } from './oidc-state-cookie';

/** Why the provider's answer was not accepted; each becomes a message on the login page. */
export class OidcSignInError extends Error {
  constructor(
    readonly code: 'denied' | 'failed' | 'unavailable',
    detail: string,
  ) {
    super(detail);
  }
}

/**
 * The OIDC protocol with openid-client: the authorization request (code + PKCE, state, nonce) and
 * the checked code exchange. The provider's metadata is discovered once, and again after a failure.
 */
@Injectable()
export class OidcProtocolService {
  private readonly logger = new Logger('OidcSignIn');
  private discovered: Promise<oidc.Configuration> | null = null;

  constructor(@Inject(API_CONFIG) private readonly config: ApiConfig) {}

  get settings(): OidcSettings | null {
    return this.config.signIn.oidc;
  }

  async begin(settings: OidcSettings): Promise<{ url: URL; pending: PendingSignIn }> {
    const configuration = await this.configuration(settings);
    const pending: PendingSignIn = {
      state: oidc.randomState(),
      nonce: oidc.randomNonce(),
      codeVerifier: oidc.randomPKCECodeVerifier(),
      expiresAt: Date.now() + OIDC_STATE_TTL_MS,
    };
    const url = oidc.buildAuthorizationUrl(configuration, {
      redirect_uri: settings.redirectUrl,
      scope: settings.scopes,
      code_challenge: await oidc.calculatePKCECodeChallenge(pending.codeVerifier),
      code_challenge_method: 'S256',
      state: pending.state,
      nonce: pending.nonce,
    });
    return { url, pending };
  }

  /** The person's claims (ID token, then userinfo) once code, state, nonce and PKCE all check out. */
  async finish(
    settings: OidcSettings,
    query: string,
    pending: PendingSignIn,
  ): Promise<Record<string, unknown>> {
    const configuration = await this.configuration(settings);
    // The redirect URL as the provider saw it, whatever host or proxy the request came through.
    const currentUrl = new URL(`${settings.redirectUrl}${query}`);
    try {
      const tokens = await oidc.authorizationCodeGrant(configuration, currentUrl, {
        pkceCodeVerifier: pending.codeVerifier,
        expectedState: pending.state,
        expectedNonce: pending.nonce,
        idTokenExpected: true,
      });
      const idClaims = tokens.claims();
      if (!idClaims) throw new OidcSignInError('failed', 'no ID token');
      // Providers often put email and groups in userinfo only (oidc-provider, Okta's defaults).
      const userInfo = configuration.serverMetadata().userinfo_endpoint
        ? await oidc.fetchUserInfo(configuration, tokens.access_token, idClaims.sub)
        : {};
      return { ...idClaims, ...userInfo };
    } catch (error) {
      throw this.classify(error);
    }
  }

  private classify(error: unknown): OidcSignInError {
    if (error instanceof OidcSignInError) return error;
    if (error instanceof oidc.AuthorizationResponseError) {
      this.logger.warn(`provider answered ${error.error}: ${error.error_description ?? ''}`);
      return new OidcSignInError(
        error.error === 'access_denied' ? 'denied' : 'failed',
        error.error,
      );
    }
    if (error instanceof oidc.ResponseBodyError || error instanceof oidc.ClientError) {
      this.logger.warn(`sign-in refused: ${error.message}`);
      return new OidcSignInError('failed', error.message);
    }
    this.logger.error(`provider unreachable: ${String(error)}`);
    return new OidcSignInError('unavailable', String(error));
  }

  private configuration(settings: OidcSettings): Promise<oidc.Configuration> {
    this.discovered ??= oidc
      .discovery(
        settings.issuer,
        settings.clientId,
        undefined,
        oidc.ClientSecretBasic(settings.clientSecret),
        {
          // Plain http only when the issuer itself is http (a provider on the same host or in tests).
          execute: settings.issuer.protocol === 'http:' ? [oidc.allowInsecureRequests] : [],
          timeout: 10,
        },
      )
      .catch((error: unknown) => {
        this.discovered = null;
        this.logger.error(`discovery at ${settings.issuer.href} failed: ${String(error)}`);
        throw new OidcSignInError('unavailable', String(error));
      });
    return this.discovered;
  }
}
