import {
  Body,
  Controller,
  Get,
  HttpCode,
  HttpException,
  HttpStatus,
  Inject,
  Post,
  Req,
  Res,
  UnauthorizedException,
} from '@nestjs/common';
import { ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { type CurrentUser, currentUserSchema, type Login, loginSchema } from '@baton/api-contract';
import { DataSource, UserEntity } from '@baton/db';
import { API_CONFIG, type ApiConfig } from '../config/api-config';
import { type AuthenticatedRequest, CurrentUserParam, Public } from './auth.decorators';
import { CSRF_COOKIE, SESSION_COOKIE } from './auth.cookies';
import { LoginThrottle } from './login-throttle';
import { hashPassword, verifyPassword } from './password-hasher';
import { newSecretToken } from './secret-token';
import { SessionService } from './session.service';

@ApiTags('auth')
@Controller('api/v1/auth')
export class AuthController {
  // Verifying against a real hash when the email is unknown keeps response times alike.
  private readonly dummyHash = hashPassword(newSecretToken());

  constructor(
    @Inject(DataSource) private readonly db: DataSource,
    @Inject(SessionService) private readonly sessions: SessionService,
    @Inject(LoginThrottle) private readonly throttle: LoginThrottle,
    @Inject(API_CONFIG) private readonly config: ApiConfig,
  ) {}

  @Public()
  @Post('login')
  @HttpCode(200)
  @ApiResponse({ status: 200, standardSchema: currentUserSchema })
  async login(
    @Body({ schema: loginSchema }) body: Login,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<CurrentUser> {
    const email = body.email.toLowerCase();
    const keys = [`email:${email}`, `ip:${req.ip ?? 'unknown'}`];
    const wait = this.throttle.retryAfterSeconds(keys);
    if (wait > 0) {
      res.setHeader('Retry-After', String(wait));
      throw new HttpException(
        {
          error: 'Too Many Requests',
          message: `Too many failed sign-ins; try again in ${Math.ceil(wait / 60)} min`,
        },
        HttpStatus.TOO_MANY_REQUESTS,
      );
    }
    const user = await this.db
      .getRepository(UserEntity)
      .createQueryBuilder('u')
      .addSelect('u.passwordHash')
      .where('u.email = :email', { email })
      .getOne();
    const ok = await verifyPassword(user?.passwordHash ?? (await this.dummyHash), body.password);
    if (!user || !user.passwordHash || !ok) {
      this.throttle.recordFailure(keys);
      throw new UnauthorizedException('Wrong email or password');
    }
    this.throttle.reset(keys);
    const session = await this.sessions.create(user.id);
    const common = {
      sameSite: 'lax' as const,
      secure: this.config.cookieSecure,
      path: '/',
      expires: session.expiresAt,
    };
    res.cookie(SESSION_COOKIE, session.token, { ...common, httpOnly: true });
    res.cookie(CSRF_COOKIE, session.csrfToken, { ...common, httpOnly: false });
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
