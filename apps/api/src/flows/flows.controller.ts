import {
  Body,
  Controller,
  Delete,
  Get,
  Headers,
  HttpCode,
  Inject,
  Param,
  Post,
  Put,
  Res,
} from '@nestjs/common';
import { ApiHeader, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import {
  apiErrorSchema,
  type CreateFlow,
  createFlowSchema,
  type CurrentUser,
  type FlowDetail,
  flowDetailSchema,
  type FlowList,
  flowListSchema,
  type UpdateFlow,
  updateFlowSchema,
} from '@baton/api-contract';
import { CurrentUserParam } from '../auth/auth.decorators';
import { draftEtag } from './flow-draft-revision';
import { FlowReadService } from './flow-read.service';
import { FlowEditors, flowIdParam } from './flow-route-params';
import { FlowWriteService } from './flow-write.service';

@ApiTags('flows')
@Controller('api/v1/flows')
export class FlowsController {
  constructor(
    @Inject(FlowReadService) private readonly read: FlowReadService,
    @Inject(FlowWriteService) private readonly write: FlowWriteService,
  ) {}

  @Get()
  @ApiResponse({ status: 200, standardSchema: flowListSchema })
  list(): Promise<FlowList> {
    return this.read.list();
  }

  @FlowEditors()
  @Post()
  @ApiResponse({ status: 201, standardSchema: flowDetailSchema })
  @ApiResponse({ status: 400, standardSchema: apiErrorSchema })
  @ApiResponse({ status: 403, standardSchema: apiErrorSchema })
  create(
    @Body({ schema: createFlowSchema }) body: CreateFlow,
    @CurrentUserParam() user: CurrentUser,
  ): Promise<FlowDetail> {
    return this.write.create(body, user);
  }

  @Get(':id')
  @ApiResponse({
    status: 200,
    description: 'The draft; its `ETag` goes in the `If-Match` of the next save',
    standardSchema: flowDetailSchema,
    headers: { ETag: { description: 'Revision of the draft', schema: { type: 'string' } } },
  })
  @ApiResponse({ status: 404, standardSchema: apiErrorSchema })
  async detail(
    @Param('id', flowIdParam) id: string,
    @Res({ passthrough: true }) res: Response,
  ): Promise<FlowDetail> {
    // The revision first: should a save land in between, the ETag is older than the draft sent
    // and the next save gets a 409 to reload, never a silent overwrite of that save.
    const revision = await this.read.revision(id);
    const flow = await this.read.detail(id);
    if (revision !== undefined) res.setHeader('ETag', draftEtag(revision));
    return flow;
  }

  @FlowEditors()
  @Put(':id')
  @ApiResponse({
    status: 200,
    description: 'Draft saved; `problems` says what would still stop a publish',
    standardSchema: flowDetailSchema,
  })
  @ApiResponse({ status: 400, standardSchema: apiErrorSchema })
  @ApiResponse({ status: 404, standardSchema: apiErrorSchema })
  @ApiResponse({
    status: 409,
    description: 'If-Match names a revision the draft has moved on from: reload it',
    standardSchema: apiErrorSchema,
  })
  @ApiHeader({
    name: 'if-match',
    required: false,
    description: 'The ETag the editor loaded; without it the save is unconditional',
    schema: { type: 'string', maxLength: 200 },
  })
  async update(
    @Param('id', flowIdParam) id: string,
    @Body({ schema: updateFlowSchema }) body: UpdateFlow,
    @CurrentUserParam() user: CurrentUser,
    @Res({ passthrough: true }) res: Response,
    @Headers('if-match') ifMatch?: string,
  ): Promise<FlowDetail> {
    const { flow, etag } = await this.write.update(id, body, user, ifMatch);
    res.setHeader('ETag', etag);
    return flow;
  }

  @FlowEditors()
  @Post(':id/archive')
  @HttpCode(200)
  @ApiResponse({
    status: 200,
    description: 'Archived (or already so): out of the main list, no source may feed it',
    standardSchema: flowDetailSchema,
  })
  @ApiResponse({
    status: 409,
    description: 'A source still sends leads to it',
    standardSchema: apiErrorSchema,
  })
  @ApiResponse({ status: 404, standardSchema: apiErrorSchema })
  archive(
    @Param('id', flowIdParam) id: string,
    @CurrentUserParam() user: CurrentUser,
  ): Promise<FlowDetail> {
    return this.write.archive(id, user);
  }

  @FlowEditors()
  @Post(':id/restore')
  @HttpCode(200)
  @ApiResponse({ status: 200, description: 'Back in use', standardSchema: flowDetailSchema })
  @ApiResponse({ status: 404, standardSchema: apiErrorSchema })
  restore(
    @Param('id', flowIdParam) id: string,
    @CurrentUserParam() user: CurrentUser,
  ): Promise<FlowDetail> {
    return this.write.restore(id, user);
  }

  @FlowEditors()
  @Delete(':id')
  @HttpCode(204)
  @ApiResponse({ status: 204, description: 'Deleted' })
  @ApiResponse({
    status: 409,
    description: 'A source still sends leads to it, or it has published versions',
    standardSchema: apiErrorSchema,
  })
  @ApiResponse({ status: 404, standardSchema: apiErrorSchema })
  remove(
    @Param('id', flowIdParam) id: string,
    @CurrentUserParam() user: CurrentUser,
  ): Promise<void> {
    return this.write.remove(id, user);
  }
}
