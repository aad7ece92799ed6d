import { Body, Controller, Headers, HttpCode, Inject, Param, Post } from '@nestjs/common';
import { ApiResponse, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import {
  apiErrorSchema,
  type ContactedActionBody,
  contactedActionSchema,
  type CurrentUser,
  type DisqualifyActionBody,
  disqualifyActionSchema,
  emptyActionSchema,
  type LeadActionResult,
  leadActionResultSchema,
  type NoteActionBody,
  noteActionSchema,
  type ReassignActionBody,
  reassignActionSchema,
} from '@baton/api-contract';
import { CurrentUserParam, Roles } from '../../auth/auth.decorators';
import { parseIdempotencyKey } from '../../http/idempotency-key';
import { ApiIdempotencyKeyHeader } from '../../openapi/idempotency-key-header.decorator';
import { LeadActionsService } from './lead-actions.service';

const leadId = z.uuid('id must be a lead id (uuid)');

@ApiTags('leads')
@ApiResponse({ status: 200, standardSchema: leadActionResultSchema })
@ApiResponse({
  status: 403,
  description: 'Not your lead, or not your role',
  standardSchema: apiErrorSchema,
})
@ApiResponse({ status: 404, description: 'No such lead', standardSchema: apiErrorSchema })
@ApiResponse({
  status: 409,
  description: 'The workflow refused (e.g. not eligible to claim, lead closed)',
  standardSchema: apiErrorSchema,
})
@ApiResponse({
  status: 503,
  description: 'The workflow service is unavailable',
  standardSchema: apiErrorSchema,
})
@Controller('api/v1/leads/:id')
export class LeadActionsController {
  constructor(@Inject(LeadActionsService) private readonly actions: LeadActionsService) {}

  @Post('contacted')
  @ApiIdempotencyKeyHeader()
  @HttpCode(200)
  contacted(
    @CurrentUserParam() user: CurrentUser,
    @Param('id', { schema: leadId }) id: string,
    @Body({ schema: contactedActionSchema }) body: ContactedActionBody,
    @Headers('idempotency-key') key?: string,
  ): Promise<LeadActionResult> {
    return this.actions.contacted(user, id, body.at, parseIdempotencyKey(key));
  }

  @Post('claim')
  @ApiIdempotencyKeyHeader()
  @HttpCode(200)
  claim(
    @CurrentUserParam() user: CurrentUser,
    @Param('id', { schema: leadId }) id: string,
    @Body({ schema: emptyActionSchema }) _body: object,
    @Headers('idempotency-key') key?: string,
  ): Promise<LeadActionResult> {
    return this.actions.claim(user, id, parseIdempotencyKey(key));
  }

  @Roles('admin', 'manager')
  @Post('reassign')
  @ApiIdempotencyKeyHeader()
  @HttpCode(200)
  reassign(
    @CurrentUserParam() user: CurrentUser,
    @Param('id', { schema: leadId }) id: string,
    @Body({ schema: reassignActionSchema }) body: ReassignActionBody,
    @Headers('idempotency-key') key?: string,
  ): Promise<LeadActionResult> {
    return this.actions.reassign(user, id, body.toUserId, body.reason, parseIdempotencyKey(key));
  }

  @Post('disqualify')
  @ApiIdempotencyKeyHeader()
  @HttpCode(200)
  disqualify(
    @CurrentUserParam() user: CurrentUser,
    @Param('id', { schema: leadId }) id: string,
    @Body({ schema: disqualifyActionSchema }) body: DisqualifyActionBody,
    @Headers('idempotency-key') key?: string,
  ): Promise<LeadActionResult> {
    return this.actions.disqualify(
      user,
      id,
      body.reason,
      parseIdempotencyKey(key),
      body.spam === true,
    );
  }

  @Post('notes')
  @ApiIdempotencyKeyHeader()
  @HttpCode(200)
  note(
    @CurrentUserParam() user: CurrentUser,
    @Param('id', { schema: leadId }) id: string,
    @Body({ schema: noteActionSchema }) body: NoteActionBody,
    @Headers('idempotency-key') key?: string,
  ): Promise<LeadActionResult> {
    return this.actions.note(user, id, body.text, parseIdempotencyKey(key));
  }
}
