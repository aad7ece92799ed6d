import {
  Body,
  Controller,
  ForbiddenException,
  Get,
  HttpCode,
  Inject,
  Post,
  Req,
  Res,
  UnauthorizedException,
  UseGuards,
} from '@nestjs/common';
import { ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import {
  apiErrorSchema,
  type CurrentUser,
  currentUserSchema,
  type Login,
  loginSchema,
} from '@baton/api-contract';
import { DataSource, UserEntity } from '@baton/db';
import { API_CONFIG, type ApiConfig } from '../config/api-config';
import { type AuthenticatedRequest, CurrentUserParam, Public } from './auth.decorators';
import { CSRF_COOKIE, SESSION_COOKIE } from './auth.cookies';
import { PasswordGuessThrottle } from '../rate-limit/password-guess-throttle.service';
import { LoginRequestGuard } from './login-request.guard';
import { hashPassword, verifyPassword } from './password-hasher';
import { newSecretToken } from './secret-token';
import { setSessionCookies } from './session-cookies';
import { SessionService } from './session.service';

@ApiTags('auth')
@Controller('api/v1/auth')
export class AuthController {
  // Verifying against a real hash when the email is unknown keeps response times alike.
  private readonly dummyHash = hashPassword(newSecretToken());

  constructor(
    @Inject(DataSource) private readonly db: DataSource,
    @Inject(SessionService) private readonly sessions: SessionService,
    @Inject(PasswordGuessThrottle) private readonly throttle: PasswordGuessThrottle,
    @Inject(API_CONFIG) private readonly config: ApiConfig,
  ) {}

  @Public()
  @UseGuards(LoginRequestGuard)
  @Post('login')
  @HttpCode(200)
  @ApiResponse({ status: 200, standardSchema: currentUserSchema })
  @ApiResponse({
    status: 401,
    description: 'Wrong email or password',
    standardSchema: apiErrorSchema,
  })
  @ApiResponse({
    status: 403,
    description: 'Sent from another site, or password sign-in is off (BATON_LOCAL_PASSWORDS=off)',
    standardSchema: apiErrorSchema,
  })
  @ApiResponse({ status: 415, description: 'Not JSON', standardSchema: apiErrorSchema })
  @ApiResponse({
    status: 429,
    description: 'Too many wrong passwords for this account or from this address; see Retry-After',
    standardSchema: apiErrorSchema,
  })
  async login(
    @Body({ schema: loginSchema }) body: Login,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<CurrentUser> {
    if (!this.config.signIn.localPasswords) {
      const sso = this.config.signIn.oidc?.displayName ?? 'single sign-on';
      throw new ForbiddenException(
        `Password sign-in is turned off here: use "Sign in with ${sso}" (an operator can turn passwords back on with BATON_LOCAL_PASSWORDS=on)`,
      );
    }
    const email = body.email.toLowerCase();
    const attempt = { email, address: req.ip };
    await this.throttle.attempt(attempt, 'failed sign-ins');
    const user = await this.db
      .getRepository(UserEntity)
      .createQueryBuilder('u')
      .addSelect('u.passwordHash')
      .where('u.email = :email', { email })
      .getOne();
    const ok = await verifyPassword(user?.passwordHash ?? (await this.dummyHash), body.password);
    if (!user || !user.passwordHash || !ok)
      throw new UnauthorizedException('Wrong email or password');
    await this.throttle.succeeded(attempt);
    setSessionCookies(res, await this.sessions.create(user.id), this.config.cookieSecure);
    return { id: user.id, name: user.name, email: user.email, role: user.role };
  }

  @Post('logout')
  @HttpCode(204)
  async logout(
    @Req() req: AuthenticatedRequest,
    @Res({ passthrough: true }) res: Response,
  ): Promise<void> {
    if (req.sessionId) await this.sessions.revoke(req.sessionId);
    res.clearCookie(SESSION_COOKIE, { path: '/' });
    res.clearCookie(CSRF_COOKIE, { path: '/' });
  }

  @Get('me')
  @ApiResponse({ status: 200, standardSchema: currentUserSchema })
  me(@CurrentUserParam() user: CurrentUser): CurrentUser {
    return user;
  }
}
