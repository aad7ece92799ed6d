import { Body, Controller, Get, Headers, Inject, Param, Post, Query } from '@nestjs/common';
import { ApiHeader, ApiResponse, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import {
  apiErrorSchema,
  type CurrentUser,
  type FlowNodeStatsQuery,
  flowNodeStatsQuerySchema,
  flowProblemsErrorSchema,
  flowTestCasesFailedErrorSchema,
  type FlowVersionList,
  flowVersionListSchema,
  flowVersionSchema,
  type FlowVersionStats,
  flowVersionStatsSchema,
  type FlowVersionView,
  type PublishFlow,
  publishFlowSchema,
} from '@baton/api-contract';
import { CurrentUserParam } from '../auth/auth.decorators';
import { FlowNodeStatsService } from './flow-node-stats.service';
import { FlowPublishService } from './flow-publish.service';
import { FlowReadService } from './flow-read.service';
import { FlowEditors, flowIdParam, versionParam } from './flow-route-params';

/** Publishing and the immutable published versions (history, graph, per-node stats). */
@ApiTags('flows')
@Controller('api/v1/flows')
export class FlowVersionsController {
  constructor(
    @Inject(FlowReadService) private readonly read: FlowReadService,
    @Inject(FlowPublishService) private readonly publisher: FlowPublishService,
    @Inject(FlowNodeStatsService) private readonly nodeStats: FlowNodeStatsService,
  ) {}

  @FlowEditors()
  @Post(':id/publish')
  @ApiResponse({
    status: 201,
    description: 'The new version; new leads are pinned to it',
    standardSchema: flowVersionSchema,
  })
  @ApiResponse({
    status: 422,
    description:
      'The draft does not validate (every problem, located), or one of its test cases fails (the run)',
    standardSchema: z.union([flowProblemsErrorSchema, flowTestCasesFailedErrorSchema]),
  })
  @ApiResponse({ status: 400, standardSchema: apiErrorSchema })
  @ApiResponse({ status: 403, standardSchema: apiErrorSchema })
  @ApiResponse({ status: 404, standardSchema: apiErrorSchema })
  @ApiResponse({
    status: 409,
    description: 'If-Match names a revision the draft has moved on from: reload it',
    standardSchema: apiErrorSchema,
  })
  @ApiHeader({
    name: 'if-match',
    required: false,
    description: 'The ETag of the draft the editor means to publish',
    schema: { type: 'string', maxLength: 200 },
  })
  publish(
    @Param('id', flowIdParam) id: string,
    @CurrentUserParam() user: CurrentUser,
    // A body is optional: a publish without a note is still a publish.
    @Body({ schema: publishFlowSchema.optional() }) body: PublishFlow | undefined,
    @Headers('if-match') ifMatch?: string,
  ): Promise<FlowVersionView> {
    return this.publisher.publish(id, user, body ?? {}, ifMatch);
  }

  @Get(':id/versions')
  @ApiResponse({ status: 200, standardSchema: flowVersionListSchema })
  @ApiResponse({ status: 404, standardSchema: apiErrorSchema })
  versions(@Param('id', flowIdParam) id: string): Promise<FlowVersionList> {
    return this.read.versions(id);
  }

  @Get(':id/versions/:version')
  @ApiResponse({ status: 200, standardSchema: flowVersionSchema })
  @ApiResponse({ status: 404, standardSchema: apiErrorSchema })
  version(
    @Param('id', flowIdParam) id: string,
    @Param('version', versionParam) version: number,
  ): Promise<FlowVersionView> {
    return this.read.version(id, version);
  }

  @Get(':id/versions/:version/stats')
  @ApiResponse({ status: 200, standardSchema: flowVersionStatsSchema })
  @ApiResponse({ status: 400, standardSchema: apiErrorSchema })
  @ApiResponse({ status: 404, standardSchema: apiErrorSchema })
  stats(
    @Param('id', flowIdParam) id: string,
    @Param('version', versionParam) version: number,
    @Query({ schema: flowNodeStatsQuerySchema }) query: FlowNodeStatsQuery,
  ): Promise<FlowVersionStats> {
    return this.nodeStats.stats(id, version, query);
  }
}
