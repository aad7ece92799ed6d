import { Controller, Delete, Get, HttpCode, Inject, Param, Query } from '@nestjs/common';
import { ApiResponse, ApiTags } from '@nestjs/swagger';
import {
  apiErrorSchema,
  type ApiTokenListQuery,
  apiTokenListQuerySchema,
  type CurrentUser,
  type OwnedApiTokenList,
  ownedApiTokenListSchema,
} from '@baton/api-contract';
import { CurrentUserParam, Roles } from '../auth/auth.decorators';
import { ApiTokenReadService } from './api-token-read.service';
import { ApiTokenWriteService } from './api-token-write.service';
import { apiTokenIdParamSchema } from './api-token-params';

/** Everyone's API tokens, for admins: see who has what, and revoke any (offboarding, a leak). */
@ApiTags('api-tokens')
@Roles('admin')
@Controller('api/v1/tokens')
export class ApiTokensController {
  constructor(
    @Inject(ApiTokenReadService) private readonly read: ApiTokenReadService,
    @Inject(ApiTokenWriteService) private readonly write: ApiTokenWriteService,
  ) {}

  /** By person, then newest first; only working tokens unless `state=all`. */
  @Get()
  @ApiResponse({ status: 200, standardSchema: ownedApiTokenListSchema })
  async list(
    @Query({ schema: apiTokenListQuerySchema }) query: ApiTokenListQuery,
  ): Promise<OwnedApiTokenList> {
    return { items: await this.read.listAll(query) };
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiResponse({ status: 204, description: 'Revoked (or already revoked); it stops working now' })
  @ApiResponse({ status: 404, description: 'No such token', standardSchema: apiErrorSchema })
  revoke(
    @CurrentUserParam() me: CurrentUser,
    @Param('id', { schema: apiTokenIdParamSchema }) id: string,
  ): Promise<void> {
    return this.write.revoke(me, id, true);
  }
}
