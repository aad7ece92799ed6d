import { Body, Controller, Get, HttpCode, Inject, Param, Patch, Post } from '@nestjs/common';
import { ApiResponse, ApiTags } from '@nestjs/swagger';
import {
  apiErrorSchema,
  type CreateSource,
  createSourceSchema,
  type CurrentUser,
  type SourceList,
  sourceListSchema,
  type SourceSigning,
  sourceSigningSchema,
  type SourceView,
  sourceViewSchema,
  type SourceWithKey,
  sourceWithKeySchema,
  type UpdateSource,
  updateSourceSchema,
  type UpdateSourceSigning,
  updateSourceSigningSchema,
} from '@baton/api-contract';
import { idParamSchema } from './people-params';
import { CurrentUserParam, Roles } from '../auth/auth.decorators';
import { SourceReadService } from './source-read.service';
import { SourceWriteService } from './source-write.service';

/** Intake endpoints, their API keys and request signing. Admins manage them; managers may look. */
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

  @Get(':id/signing')
  @Roles('admin', 'manager')
  @ApiResponse({
    status: 200,
    description: 'Whether intake from this source must be signed (never the secret)',
    standardSchema: sourceSigningSchema,
  })
  @ApiResponse({ status: 404, standardSchema: apiErrorSchema })
  signing(@Param('id', { schema: idParamSchema }) id: string): Promise<SourceSigning> {
    return this.read.signing(id);
  }

  @Post(':id/signing')
  @Roles('admin')
  @HttpCode(200)
  @ApiResponse({
    status: 200,
    description:
      'Enabling answers with the new signing secret, shown once; POST /api/v1/leads from this source must then carry "X-Baton-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256(secret, "<t>.<raw body>")>"',
    standardSchema: sourceSigningSchema,
  })
  @ApiResponse({ status: 400, standardSchema: apiErrorSchema })
  @ApiResponse({ status: 404, standardSchema: apiErrorSchema })
  @ApiResponse({
    status: 409,
    description: 'Already required (rotate instead), or the server has no BATON_SIGNING_KEY',
    standardSchema: apiErrorSchema,
  })
  setSigning(
    @CurrentUserParam() me: CurrentUser,
    @Param('id', { schema: idParamSchema }) id: string,
    @Body({ schema: updateSourceSigningSchema }) body: UpdateSourceSigning,
  ): Promise<SourceSigning> {
    return this.write.setSigning(me, id, body.required);
  }

  @Post(':id/signing/rotate')
  @Roles('admin')
  @HttpCode(200)
  @ApiResponse({
    status: 200,
    description: 'The new signing secret, shown once; the old one no longer works',
    standardSchema: sourceSigningSchema,
  })
  @ApiResponse({ status: 404, standardSchema: apiErrorSchema })
  @ApiResponse({
    status: 409,
    description: 'Signing is not enabled, or the server has no BATON_SIGNING_KEY',
    standardSchema: apiErrorSchema,
  })
  rotateSigning(
    @CurrentUserParam() me: CurrentUser,
    @Param('id', { schema: idParamSchema }) id: string,
  ): Promise<SourceSigning> {
    return this.write.rotateSigning(me, id);
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
