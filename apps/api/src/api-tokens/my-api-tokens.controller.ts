import { Body, Controller, Delete, Get, HttpCode, Inject, Param, Post, Req } from '@nestjs/common';
import { ApiResponse, ApiTags } from '@nestjs/swagger';
import {
  apiErrorSchema,
  type ApiTokenList,
  apiTokenListSchema,
  type CreateApiToken,
  createApiTokenSchema,
  type CreatedApiToken,
  createdApiTokenSchema,
  type CurrentUser,
} from '@baton/api-contract';
import { type AuthenticatedRequest, CurrentUserParam } from '../auth/auth.decorators';
import { ApiTokenReadService } from './api-token-read.service';
import { ApiTokenWriteService } from './api-token-write.service';
import { apiTokenIdParamSchema, refuseTokenMintedByToken } from './api-token-params';

/** The signed-in person's own API tokens, for scripts that call the API as them. Every role. */
@ApiTags('api-tokens')
@Controller('api/v1/me/tokens')
export class MyApiTokensController {
  constructor(
    @Inject(ApiTokenReadService) private readonly read: ApiTokenReadService,
    @Inject(ApiTokenWriteService) private readonly write: ApiTokenWriteService,
  ) {}

  /** Newest first, with expired and revoked ones, so people can see what stopped working. */
  @Get()
  @ApiResponse({ status: 200, standardSchema: apiTokenListSchema })
  async list(@CurrentUserParam() me: CurrentUser): Promise<ApiTokenList> {
    return { items: await this.read.listMine(me.id) };
  }

  @Post()
  @ApiResponse({
    status: 201,
    description: 'Created; the secret is in this answer only',
    standardSchema: createdApiTokenSchema,
  })
  @ApiResponse({
    status: 403,
    description:
      'The X-CSRF-Token header is missing or wrong, or the request came with an API token (a token cannot create tokens)',
    standardSchema: apiErrorSchema,
  })
  @ApiResponse({
    status: 409,
    description: 'Too many active tokens; revoke one first',
    standardSchema: apiErrorSchema,
  })
  create(
    @CurrentUserParam() me: CurrentUser,
    @Req() req: AuthenticatedRequest,
    @Body({ schema: createApiTokenSchema }) body: CreateApiToken,
  ): Promise<CreatedApiToken> {
    refuseTokenMintedByToken(req);
    return this.write.create(me, body);
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiResponse({ status: 204, description: 'Revoked (or already revoked); it stops working now' })
  @ApiResponse({
    status: 404,
    description: 'No such token of yours',
    standardSchema: apiErrorSchema,
  })
  revoke(
    @CurrentUserParam() me: CurrentUser,
    @Param('id', { schema: apiTokenIdParamSchema }) id: string,
  ): Promise<void> {
    return this.write.revoke(me, id, false);
  }
}
