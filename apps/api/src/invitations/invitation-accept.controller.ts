import {
  Body,
  Controller,
  Get,
  HttpCode,
  Inject,
  Param,
  Post,
  Req,
  Res,
  UseGuards,
} from '@nestjs/common';
import { ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import {
  type AcceptInvitation,
  acceptInvitationSchema,
  apiErrorSchema,
  type CurrentUser,
  currentUserSchema,
  type InvitationLookup,
  invitationLookupSchema,
  invitationTokenSchema,
} from '@baton/api-contract';
import { Public } from '../auth/auth.decorators';
import { LoginRequestGuard } from '../auth/login-request.guard';
import { setSessionCookies } from '../auth/session-cookies';
import { SessionService } from '../auth/session.service';
import { API_CONFIG, type ApiConfig } from '../config/api-config';
import { InvitationAcceptService } from './invitation-accept.service';
import { InvitationThrottle } from './invitation-throttle.service';

const linkErrors = [
  ApiResponse({ status: 400, standardSchema: apiErrorSchema }),
  ApiResponse({ status: 404, description: 'Unknown link', standardSchema: apiErrorSchema }),
  ApiResponse({ status: 409, description: 'Link already used', standardSchema: apiErrorSchema }),
  ApiResponse({ status: 410, description: 'Link expired', standardSchema: apiErrorSchema }),
  ApiResponse({
    status: 429,
    description: 'Too many tries from this address; see Retry-After',
    standardSchema: apiErrorSchema,
  }),
];
const applyAll =
  (decorators: MethodDecorator[]): MethodDecorator =>
  (target, key, descriptor) => {
    for (const d of decorators) d(target, key, descriptor);
  };

/** The invitation link's own routes: no session, the token is the credential. */
@ApiTags('auth')
@Controller('api/v1/invitations')
export class InvitationAcceptController {
  constructor(
    @Inject(InvitationAcceptService) private readonly invitations: InvitationAcceptService,
    @Inject(InvitationThrottle) private readonly throttle: InvitationThrottle,
    @Inject(SessionService) private readonly sessions: SessionService,
    @Inject(API_CONFIG) private readonly config: ApiConfig,
  ) {}

  @Public()
  @Get(':token')
  @ApiResponse({ status: 200, standardSchema: invitationLookupSchema })
  @applyAll(linkErrors)
  async lookup(
    @Param('token', { schema: invitationTokenSchema }) token: string,
    @Req() req: Request,
  ): Promise<InvitationLookup> {
    await this.throttle.attempt(req.ip);
    const found = await this.invitations.lookup(token);
    await this.throttle.succeeded(req.ip);
    return found;
  }

  /** Sets the password (the same rules as everywhere) and signs the browser in. */
  @Public()
  @UseGuards(LoginRequestGuard)
  @Post(':token/accept')
  @HttpCode(200)
  @ApiResponse({ status: 200, standardSchema: currentUserSchema })
  @ApiResponse({
    status: 403,
    description: 'Sent from another site',
    standardSchema: apiErrorSchema,
  })
  @ApiResponse({ status: 415, description: 'Not JSON', standardSchema: apiErrorSchema })
  @applyAll(linkErrors)
  async accept(
    @Param('token', { schema: invitationTokenSchema }) token: string,
    @Body({ schema: acceptInvitationSchema }) body: AcceptInvitation,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<CurrentUser> {
    await this.throttle.attempt(req.ip);
    const user = await this.invitations.accept(token, body.password);
    await this.throttle.succeeded(req.ip);
    setSessionCookies(res, await this.sessions.create(user.id), this.config.cookieSecure);
    return user;
  }
}
