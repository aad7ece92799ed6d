import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { AuthController } from './auth.controller';
import { ApiTokenAuthService } from './api-token-auth.service';
import { AuthGuard } from './auth.guard';
import { SessionService } from './session.service';

@Module({
  controllers: [AuthController],
  providers: [SessionService, ApiTokenAuthService, { provide: APP_GUARD, useClass: AuthGuard }],
  exports: [SessionService],
})
export class AuthModule {}
