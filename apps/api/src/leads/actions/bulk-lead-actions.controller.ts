import { Body, Controller, Headers, HttpCode, Inject, Post } from '@nestjs/common';
import { ApiResponse, ApiTags } from '@nestjs/swagger';
import {
  apiErrorSchema,
  type BulkActionResult,
  bulkActionResultSchema,
  type BulkAssignBody,
  bulkAssignSchema,
  type BulkDisqualifyBody,
  bulkDisqualifySchema,
  type CurrentUser,
} from '@baton/api-contract';
import { CurrentUserParam, Roles } from '../../auth/auth.decorators';
import { parseIdempotencyKey } from '../../http/idempotency-key';
import { ApiIdempotencyKeyHeader } from '../../openapi/idempotency-key-header.decorator';
import { BulkLeadActionsService } from './bulk-lead-actions.service';

/**
 * Triage in bulk from the inbox: up to 100 leads per request, each through its single action.
 * Answers 200 with one result per lead in the order given; a lead that failed says why.
 */
@ApiTags('leads')
@ApiResponse({ status: 200, standardSchema: bulkActionResultSchema })
@ApiResponse({ status: 400, standardSchema: apiErrorSchema })
@ApiResponse({ status: 403, description: 'Not your role', standardSchema: apiErrorSchema })
@Controller('api/v1/leads/bulk')
export class BulkLeadActionsController {
  constructor(@Inject(BulkLeadActionsService) private readonly bulk: BulkLeadActionsService) {}

  /** Reassign each lead to one person (managers and admins, as the single reassign). */
  @Roles('admin', 'manager')
  @Post('assign')
  @ApiIdempotencyKeyHeader()
  @HttpCode(200)
  assign(
    @CurrentUserParam() user: CurrentUser,
    @Body({ schema: bulkAssignSchema }) body: BulkAssignBody,
    @Headers('idempotency-key') key?: string,
  ): Promise<BulkActionResult> {
    return this.bulk.assign(
      user,
      body.leadIds,
      body.toUserId,
      body.reason,
      parseIdempotencyKey(key),
    );
  }

  /** Disqualify each lead as spam (reps their own leads only, as the single disqualify). */
  @Post('disqualify')
  @ApiIdempotencyKeyHeader()
  @HttpCode(200)
  disqualify(
    @CurrentUserParam() user: CurrentUser,
    @Body({ schema: bulkDisqualifySchema }) body: BulkDisqualifyBody,
    @Headers('idempotency-key') key?: string,
  ): Promise<BulkActionResult> {
    return this.bulk.disqualifyAsSpam(user, body.leadIds, body.reason, parseIdempotencyKey(key));
  }
}
