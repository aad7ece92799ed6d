import {
  type CanActivate,
  type ExecutionContext,
  ForbiddenException,
  Injectable,
  UnsupportedMediaTypeException,
} from '@nestjs/common';
import type { Request } from 'express';

/** Sec-Fetch-Site values of requests made by Baton's own pages (or typed by the person). */
const OWN_SITE = new Set(['same-origin', 'none']);

/**
 * Stops login CSRF (another site signing a browser in to an account of the attacker's): sign-in
 * takes JSON only, which a cross-site page cannot send without a CORS preflight that Baton never
 * answers, and a browser's Sec-Fetch-Site must say the request came from Baton's own origin.
 */
@Injectable()
export class LoginRequestGuard implements CanActivate {
  canActivate(ctx: ExecutionContext): boolean {
    const req = ctx.switchToHttp().getRequest<Request>();
    if (!req.is('application/json')) {
      throw new UnsupportedMediaTypeException({
        error: 'Unsupported Media Type',
        message: 'Send the sign-in as JSON (Content-Type: application/json)',
      });
    }
    const site = req.header('sec-fetch-site');
    if (site !== undefined && !OWN_SITE.has(site)) {
      throw new ForbiddenException({
        error: 'Forbidden',
        message: `Sign in from Baton's own page; a sign-in sent from another site (Sec-Fetch-Site: ${site}) is refused`,
      });
    }
    return true;
  }
}
