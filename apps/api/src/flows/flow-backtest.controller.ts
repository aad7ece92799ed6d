import { Body, Controller, HttpCode, Inject, Param, Post } from '@nestjs/common';
import { ApiResponse, ApiTags } from '@nestjs/swagger';
import {
  apiErrorSchema,
  BACKTEST_DEFAULT_LIMIT,
  type FlowBacktest,
  type FlowBacktestRequest,
  flowBacktestRequestSchema,
  flowBacktestSchema,
} from '@baton/api-contract';
import { FlowBacktestService } from './flow-backtest.service';
import { FlowEditors, flowIdParam } from './flow-route-params';

@ApiTags('flows')
@Controller('api/v1/flows')
export class FlowBacktestController {
  constructor(@Inject(FlowBacktestService) private readonly backtests: FlowBacktestService) {}

  /** Replays the flow's last N real leads through the published version and the draft; changes nothing. */
  @FlowEditors()
  @Post(':id/backtest')
  @HttpCode(200)
  @ApiResponse({ status: 200, standardSchema: flowBacktestSchema })
  @ApiResponse({ status: 400, standardSchema: apiErrorSchema })
  @ApiResponse({ status: 403, standardSchema: apiErrorSchema })
  @ApiResponse({ status: 404, standardSchema: apiErrorSchema })
  @ApiResponse({
    status: 409,
    description: 'The flow has no published version to compare the draft with',
    standardSchema: apiErrorSchema,
  })
  backtest(
    @Param('id', flowIdParam) id: string,
    // A body is optional: no body backtests the default number of leads.
    @Body({ schema: flowBacktestRequestSchema.optional() }) body: FlowBacktestRequest | undefined,
  ): Promise<FlowBacktest> {
    return this.backtests.backtest(id, body?.limit ?? BACKTEST_DEFAULT_LIMIT);
  }
}
