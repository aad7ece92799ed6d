import { Controller, Get, Inject, Param, Query } from '@nestjs/common';
import { ApiResponse, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import {
  apiErrorSchema,
  type CurrentUser,
  type LeadDetail,
  leadDetailSchema,
  type LeadList,
  leadListQuerySchema,
  leadListSchema,
  type LeadListQuery,
  type LeadViewCounts,
  type LeadViewCountsQuery,
  leadViewCountsQuerySchema,
  leadViewCountsSchema,
} from '@baton/api-contract';
import { CurrentUserParam } from '../auth/auth.decorators';
import { LeadReadService } from './lead-read.service';

@ApiTags('leads')
@Controller('api/v1/leads')
export class LeadsController {
  constructor(@Inject(LeadReadService) private readonly leads: LeadReadService) {}

  @Get()
  @ApiResponse({ status: 200, standardSchema: leadListSchema })
  list(
    @CurrentUserParam() user: CurrentUser,
    @Query({ schema: leadListQuerySchema }) query: LeadListQuery,
  ): Promise<LeadList> {
    return this.leads.list(query, user);
  }

  @Get('view-counts')
  @ApiResponse({ status: 200, standardSchema: leadViewCountsSchema })
  viewCounts(
    @CurrentUserParam() user: CurrentUser,
    @Query({ schema: leadViewCountsQuerySchema }) query: LeadViewCountsQuery,
  ): Promise<LeadViewCounts> {
    return this.leads.viewCounts(query, user);
  }

  @Get(':id')
  @ApiResponse({ status: 200, standardSchema: leadDetailSchema })
  @ApiResponse({ status: 404, standardSchema: apiErrorSchema })
  detail(
    @CurrentUserParam() user: CurrentUser,
    @Param('id', { schema: z.uuid('id must be a lead id (uuid)') }) id: string,
  ): Promise<LeadDetail> {
    return this.leads.detail(id, user);
  }
}
