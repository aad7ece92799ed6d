import { Body, Controller, Get, HttpCode, Inject, Param, Patch, Post } from '@nestjs/common';
import { ApiResponse, ApiTags } from '@nestjs/swagger';
import {
  apiErrorSchema,
  type CreateSource,
  createSourceSchema,
  type CurrentUser,
  type SourceList,
  sourceListSchema,
  type SourceView,
  sourceViewSchema,
  type SourceWithKey,
  sourceWithKeySchema,
  type UpdateSource,
  updateSourceSchema,
} from '@baton/api-contract';
import { idParamSchema } from './people-params';
import { CurrentUserParam, Roles } from '../auth/auth.decorators';
import { SourceReadService } from './source-read.service';
import { SourceWriteService } from './source-write.service';

/** Intake endpoints and their API keys. Admins manage them; managers may look. */
@ApiTags('people')
@Controller('api/v1/sources')
export class SourcesController {
  constructor(
    @Inject(SourceReadService) private readonly read: SourceReadService,
    @Inject(SourceWriteService) private readonly write: SourceWriteService,
  ) {}

  @Get()
  @Roles('admin', 'manager')
  @ApiResponse({ status: 200, standardSchema: sourceListSchema })
  list(): Promise<SourceList> {
    return this.read.list();
  }

  @Get(':id')
  @Roles('admin', 'manager')
  @ApiResponse({ status: 200, standardSchema: sourceViewSchema })
  @ApiResponse({ status: 404, standardSchema: apiErrorSchema })
  get(@Param('id', { schema: idParamSchema }) id: string): Promise<SourceView> {
    return this.read.get(id);
  }

  @Post()
  @Roles('admin')
  @ApiResponse({
    status: 201,
    description: 'Created; the API key is in this answer only',
    standardSchema: sourceWithKeySchema,
  })
  @ApiResponse({ status: 400, standardSchema: apiErrorSchema })
  @ApiResponse({ status: 409, description: 'Slug taken', standardSchema: apiErrorSchema })
  create(
    @CurrentUserParam() me: CurrentUser,
    @Body({ schema: createSourceSchema }) body: CreateSource,
  ): Promise<SourceWithKey> {
    return this.write.create(me, body);
  }

  @Post(':id/rotate-key')
  @Roles('admin')
  @HttpCode(200)
  @ApiResponse({
    status: 200,
    description: 'The new key, shown once; the old key no longer works',
    standardSchema: sourceWithKeySchema,
  })
  @ApiResponse({ status: 404, standardSchema: apiErrorSchema })
  rotateKey(
    @CurrentUserParam() me: CurrentUser,
    @Param('id', { schema: idParamSchema }) id: string,
  ): Promise<SourceWithKey> {
    return this.write.rotateKey(me, id);
  }

  @Patch(':id')
  @Roles('admin')
  @ApiResponse({ status: 200, standardSchema: sourceViewSchema })
  @ApiResponse({ status: 400, standardSchema: apiErrorSchema })
  @ApiResponse({ status: 404, standardSchema: apiErrorSchema })
  update(
    @CurrentUserParam() me: CurrentUser,
    @Param('id', { schema: idParamSchema }) id: string,
    @Body({ schema: updateSourceSchema }) body: UpdateSource,
  ): Promise<SourceView> {
    return this.write.update(me, id, body);
  }
}
