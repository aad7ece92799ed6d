import {
  type ArgumentsHost,
  Catch,
  type ExceptionFilter,
  HttpException,
  HttpStatus,
  Logger,
} from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import type { ApiError } from '@baton/api-contract';

const TOO_LARGE = 'Request body is too large';

/** Every error leaves the API in the ApiError shape; unexpected ones are logged, never leaked. */
@Catch()
export class ApiErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('ApiError');

  catch(exception: unknown, host: ArgumentsHost): void {
    sendApiError(host.switchToHttp().getResponse<Response>(), exception, this.logger);
  }
}

/** Express error middleware for errors raised before Nest routing (body parsing). */
export function bodyParserErrorHandler(
  err: unknown,
  _req: Request,
  res: Response,
  next: NextFunction,
): void {
  if (res.headersSent) return next(err);
  sendApiError(res, err, new Logger('ApiError'));
}

function sendApiError(res: Response, exception: unknown, logger: Logger): void {
  const body = toApiError(exception);
  const retryAfter =
    exception instanceof HttpException
      ? (exception.getResponse() as { retryAfter?: unknown }).retryAfter
      : undefined;
  if (typeof retryAfter === 'number' && !res.headersSent)
    res.setHeader('Retry-After', String(retryAfter));
  if (body.statusCode >= 500)
    logger.error(exception instanceof Error ? exception.stack : String(exception));
  if (!res.headersSent) res.status(body.statusCode).json(body);
}

export function toApiError(exception: unknown): ApiError {
  if (exception instanceof HttpException) {
    const status = exception.getStatus();
    const r = exception.getResponse();
    const obj = typeof r === 'object' && r !== null ? (r as Record<string, unknown>) : {};
    const message = Array.isArray(obj['message'])
      ? (obj['message'] as string[]).join('; ')
      : typeof obj['message'] === 'string'
        ? obj['message']
        : typeof r === 'string'
          ? r
          : exception.message;
    return {
      statusCode: status,
      error:
        typeof obj['error'] === 'string'
          ? obj['error']
          : (HttpStatus[status] ?? 'Error').replace(/_/g, ' '),
      message,
      ...(Array.isArray(obj['issues']) ? { issues: obj['issues'] as ApiError['issues'] } : {}),
      ...(Array.isArray(obj['problems'])
        ? { problems: obj['problems'] as ApiError['problems'] }
        : {}),
      ...(typeof obj['testRun'] === 'object' && obj['testRun'] !== null
        ? { testRun: obj['testRun'] as ApiError['testRun'] }
        : {}),
    };
  }
  // body-parser errors carry a status and a type (entity.too.large, entity.parse.failed, …).
  const e = exception as { status?: number; type?: string; message?: string };
  if (typeof e?.status === 'number' && e.status >= 400 && e.status < 500) {
    const message =
      e.type === 'entity.too.large'
        ? TOO_LARGE
        : e.type === 'entity.parse.failed'
          ? 'Request body is not valid JSON'
          : (e.message ?? 'Bad request');
    return {
      statusCode: e.status,
      // 413 too large, 415 charset or encoding not supported, 400 otherwise.
      error: (HttpStatus[e.status] ?? 'BAD_REQUEST')
        .toLowerCase()
        .replace(/_/g, ' ')
        .replace(/\b\w/g, (c) => c.toUpperCase()),
      message,
    };
  }
  return {
    statusCode: 500,
    error: 'Internal Server Error',
    message: 'Something went wrong on our side',
  };
}
