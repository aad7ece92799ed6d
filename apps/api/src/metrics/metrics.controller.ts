import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiResponse, ApiTags } from '@nestjs/swagger';
import {
  apiErrorSchema,
  type CurrentUser,
  type HandoffMetrics,
  type HandoffMetricsQuery,
  handoffMetricsQuerySchema,
  handoffMetricsSchema,
  type LeadAging,
  type LeadAgingQuery,
  leadAgingQuerySchema,
  leadAgingSchema,
} from '@baton/api-contract';
import { CurrentUserParam, Roles } from '../auth/auth.decorators';
import { HandoffMetricsService } from './handoff-metrics.service';
import { LeadAgingService } from './lead-aging.service';

/** Speed-to-lead figures. Managers and admins see everyone's; a rep gets only their own leads. */
@ApiTags('metrics')
@Roles('admin', 'manager', 'rep')
@Controller('api/v1/metrics')
export class MetricsController {
  constructor(
    @Inject(HandoffMetricsService) private readonly handoffMetrics: HandoffMetricsService,
    @Inject(LeadAgingService) private readonly leadAging: LeadAgingService,
  ) {}

  /** Leads received in [from, to) (default: the last 30 days; at most 366). */
  @Get('handoff')
  @ApiResponse({ status: 200, standardSchema: handoffMetricsSchema })
  @ApiResponse({
    status: 400,
    description: 'Bad window, groupBy or ids: each field and the reason',
    standardSchema: apiErrorSchema,
  })
  @ApiResponse({ status: 401, standardSchema: apiErrorSchema })
  handoff(
    @CurrentUserParam() user: CurrentUser,
    @Query({ schema: handoffMetricsQuerySchema }) query: HandoffMetricsQuery,
  ): Promise<HandoffMetrics> {
    return this.handoffMetrics.handoff(user, query);
  }

  /** Leads waiting for contact right now, by age. */
  @Get('aging')
  @ApiResponse({ status: 200, standardSchema: leadAgingSchema })
  @ApiResponse({ status: 400, standardSchema: apiErrorSchema })
  @ApiResponse({ status: 401, standardSchema: apiErrorSchema })
  aging(
    @CurrentUserParam() user: CurrentUser,
    @Query({ schema: leadAgingQuerySchema }) query: LeadAgingQuery,
  ): Promise<LeadAging> {
    return this.leadAging.aging(user, query);
  }
}
