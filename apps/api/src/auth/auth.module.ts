import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { AuthController } from './auth.controller';
import { ApiTokenAuthService } from './api-token-auth.service';
import { AuthGuard } from './auth.guard';
import { OidcController } from './oidc/oidc.controller';
import { OidcProtocolService } from './oidc/oidc-protocol.service';
import { SsoAccountService } from './oidc/sso-account.service';
import { SessionService } from './session.service';

@Module({
  controllers: [AuthController, OidcController],
  providers: [
    SessionService,
    ApiTokenAuthService,
    OidcProtocolService,
    SsoAccountService,
    { provide: APP_GUARD, useClass: AuthGuard },
  ],
  exports: [SessionService],
})
export class AuthModule {}
