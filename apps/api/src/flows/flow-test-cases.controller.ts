import { Body, Controller, Delete, Get, HttpCode, Inject, Param, Post, Put } from '@nestjs/common';
import { ApiResponse, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import {
  apiErrorSchema,
  type CreateFlowTestCase,
  createFlowTestCaseSchema,
  type CurrentUser,
  type FlowTestCaseList,
  flowTestCaseListSchema,
  flowTestCaseSchema,
  type FlowTestCaseView,
  type FlowTestRun,
  flowTestRunSchema,
  type RunFlowTestCases,
  runFlowTestCasesSchema,
  type UpdateFlowTestCase,
  updateFlowTestCaseSchema,
} from '@baton/api-contract';
import { CurrentUserParam } from '../auth/auth.decorators';
import { FlowEditors, flowIdParam } from './flow-route-params';
import { FlowTestCaseService } from './flow-test-case.service';
import { FlowTestRunService } from './flow-test-run.service';

const caseIdParam = { schema: z.uuid('caseId must be a test case id (uuid)') };

/** A flow's saved test cases: anyone signed in reads them; editors change and run them. */
@ApiTags('flows')
@Controller('api/v1/flows')
export class FlowTestCasesController {
  constructor(
    @Inject(FlowTestCaseService) private readonly cases: FlowTestCaseService,
    @Inject(FlowTestRunService) private readonly runner: FlowTestRunService,
  ) {}

  @Get(':id/test-cases')
  @ApiResponse({ status: 200, standardSchema: flowTestCaseListSchema })
  @ApiResponse({ status: 400, standardSchema: apiErrorSchema })
  @ApiResponse({ status: 404, standardSchema: apiErrorSchema })
  list(@Param('id', flowIdParam) id: string): Promise<FlowTestCaseList> {
    return this.cases.list(id);
  }

  @FlowEditors()
  @Post(':id/test-cases')
  @ApiResponse({ status: 201, standardSchema: flowTestCaseSchema })
  @ApiResponse({ status: 400, standardSchema: apiErrorSchema })
  @ApiResponse({ status: 403, standardSchema: apiErrorSchema })
  @ApiResponse({ status: 404, standardSchema: apiErrorSchema })
  @ApiResponse({
    status: 409,
    description: 'The flow already has a test case with this name',
    standardSchema: apiErrorSchema,
  })
  create(
    @Param('id', flowIdParam) id: string,
    @Body({ schema: createFlowTestCaseSchema }) body: CreateFlowTestCase,
    @CurrentUserParam() user: CurrentUser,
  ): Promise<FlowTestCaseView> {
    return this.cases.create(id, body, user);
  }

  /** Runs every case against the draft (default) or a published version; changes nothing. */
  @FlowEditors()
  @Post(':id/test-cases/run')
  @HttpCode(200)
  @ApiResponse({ status: 200, standardSchema: flowTestRunSchema })
  @ApiResponse({ status: 400, standardSchema: apiErrorSchema })
  @ApiResponse({ status: 403, standardSchema: apiErrorSchema })
  @ApiResponse({ status: 404, standardSchema: apiErrorSchema })
  run(
    @Param('id', flowIdParam) id: string,
    // No body is the same as {}: run against the draft.
    @Body({ schema: runFlowTestCasesSchema.optional() }) body: RunFlowTestCases | undefined,
  ): Promise<FlowTestRun> {
    return this.runner.run(id, body?.target ?? 'draft');
  }

  @FlowEditors()
  @Put(':id/test-cases/:caseId')
  @ApiResponse({ status: 200, standardSchema: flowTestCaseSchema })
  @ApiResponse({ status: 400, standardSchema: apiErrorSchema })
  @ApiResponse({ status: 403, standardSchema: apiErrorSchema })
  @ApiResponse({ status: 404, standardSchema: apiErrorSchema })
  @ApiResponse({
    status: 409,
    description: 'The flow already has a test case with this name',
    standardSchema: apiErrorSchema,
  })
  update(
    @Param('id', flowIdParam) id: string,
    @Param('caseId', caseIdParam) caseId: string,
    @Body({ schema: updateFlowTestCaseSchema }) body: UpdateFlowTestCase,
    @CurrentUserParam() user: CurrentUser,
  ): Promise<FlowTestCaseView> {
    return this.cases.update(id, caseId, body, user);
  }

  @FlowEditors()
  @Delete(':id/test-cases/:caseId')
  @HttpCode(204)
  @ApiResponse({ status: 204, description: 'Deleted' })
  @ApiResponse({ status: 400, standardSchema: apiErrorSchema })
  @ApiResponse({ status: 403, standardSchema: apiErrorSchema })
  @ApiResponse({ status: 404, standardSchema: apiErrorSchema })
  async remove(
    @Param('id', flowIdParam) id: string,
    @Param('caseId', caseIdParam) caseId: string,
    @CurrentUserParam() user: CurrentUser,
  ): Promise<void> {
    await this.cases.remove(id, caseId, user);
  }
}
