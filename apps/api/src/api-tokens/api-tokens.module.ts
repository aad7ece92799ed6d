import { Module } from '@nestjs/common';
import { ApiTokenReadService } from './api-token-read.service';
import { ApiTokenWriteService } from './api-token-write.service';
import { ApiTokensController } from './api-tokens.controller';
import { MyApiTokensController } from './my-api-tokens.controller';

/** Personal API tokens: people manage their own, admins everyone's (auth/ checks them). */
@Module({
  controllers: [MyApiTokensController, ApiTokensController],
  providers: [ApiTokenReadService, ApiTokenWriteService],
})
export class ApiTokensModule {}
