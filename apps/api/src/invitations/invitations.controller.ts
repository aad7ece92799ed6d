import { Body, Controller, HttpCode, Inject, Param, Post } from '@nestjs/common';
import { ApiResponse, ApiTags } from '@nestjs/swagger';
import {
  apiErrorSchema,
  type CreateInvitation,
  createInvitationSchema,
  type CurrentUser,
  type InvitationSent,
  invitationSentSchema,
} from '@baton/api-contract';
import { CurrentUserParam, Roles } from '../auth/auth.decorators';
import { idParamSchema } from '../people/people-params';
import { InvitationIssueService } from './invitation-issue.service';

/** Admins invite people by email; the link lets them choose their own password. */
@ApiTags('people')
@Controller('api/v1')
export class InvitationsController {
  constructor(@Inject(InvitationIssueService) private readonly issue: InvitationIssueService) {}

  @Post('invitations')
  @Roles('admin')
  @ApiResponse({ status: 201, standardSchema: invitationSentSchema })
  @ApiResponse({ status: 400, standardSchema: apiErrorSchema })
  @ApiResponse({
    status: 409,
    description: 'Someone has this email already',
    standardSchema: apiErrorSchema,
  })
  @ApiResponse({
    status: 503,
    description: 'No mail is configured, or the mail could not be sent',
    standardSchema: apiErrorSchema,
  })
  invite(
    @CurrentUserParam() me: CurrentUser,
    @Body({ schema: createInvitationSchema }) body: CreateInvitation,
  ): Promise<InvitationSent> {
    return this.issue.inviteNew(me, body);
  }

  /** A new link for someone who cannot sign in yet (or any more); the previous link stops working. */
  @Post('users/:id/invitation')
  @Roles('admin')
  @HttpCode(201)
  @ApiResponse({ status: 201, standardSchema: invitationSentSchema })
  @ApiResponse({ status: 400, standardSchema: apiErrorSchema })
  @ApiResponse({ status: 404, description: 'No such person', standardSchema: apiErrorSchema })
  @ApiResponse({
    status: 409,
    description: 'They have a password already',
    standardSchema: apiErrorSchema,
  })
  @ApiResponse({ status: 503, standardSchema: apiErrorSchema })
  resend(
    @CurrentUserParam() me: CurrentUser,
    @Param('id', { schema: idParamSchema }) id: string,
  ): Promise<InvitationSent> {
    return this.issue.resend(me, id);
  }
}
