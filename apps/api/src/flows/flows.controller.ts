import { Body, Controller, Delete, Get, HttpCode, Inject, Param, Post, Put } from '@nestjs/common';
import { ApiResponse, ApiTags } from '@nestjs/swagger';
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
  @ApiResponse({ status: 200, standardSchema: flowDetailSchema })
  @ApiResponse({ status: 404, standardSchema: apiErrorSchema })
  detail(@Param('id', flowIdParam) id: string): Promise<FlowDetail> {
    return this.read.detail(id);
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
  update(
    @Param('id', flowIdParam) id: string,
    @Body({ schema: updateFlowSchema }) body: UpdateFlow,
    @CurrentUserParam() user: CurrentUser,
  ): Promise<FlowDetail> {
    return this.write.update(id, body, user);
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
