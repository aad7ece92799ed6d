import type { NextFunction, Request, Response } from 'express';
import { type FieldIssue, fieldIssuesError } from './field-issues-error';
import { findTextIssues } from './untrusted-text';
import { findUrlencodedIssues } from './urlencoded-text';
import { firstInvalidUtf8Byte } from './utf8-offset';

const CHARSET = /;\s*charset\s*=\s*"?([^";\s]+)/i;

/**
 * Runs after the body parsers, before any route: every query string and every JSON or urlencoded
 * body must be text Baton can store exactly as sent (UTF-8, no NUL, no lone surrogate, no
 * reserved key name), or the request gets a 400 naming the field. The parsers themselves are
 * lenient (U+FFFD for bad bytes, "%FF" kept as is) and PostgreSQL refuses NUL and lone
 * surrogates with an error that would surface as a 500, so this is the one place that decides.
 */
export function untrustedTextGuard(
  req: Request & { rawBody?: Buffer },
  _res: Response,
  next: NextFunction,
): void {
  const q = req.url.indexOf('?');
  const issues: FieldIssue[] =
    q === -1 ? [] : findUrlencodedIssues(Buffer.from(req.url.slice(q + 1), 'latin1'));
  if (!issues.length) issues.push(...bodyIssues(req));
  next(issues.length ? fieldIssuesError(issues) : undefined);
}

function bodyIssues(req: Request & { rawBody?: Buffer }): FieldIssue[] {
  const raw = req.rawBody;
  if (!Buffer.isBuffer(raw) || req.body === undefined) return [];
  const charset = (CHARSET.exec(req.header('content-type') ?? '')?.[1] ?? 'utf-8').toLowerCase();
  // Another declared charset was decoded as declared (lossless for latin1); check the result.
  const utf8 = charset === 'utf-8' || charset === 'utf8';
  if (req.is('application/x-www-form-urlencoded')) {
    return utf8 ? findUrlencodedIssues(raw, req.body as object) : findTextIssues(req.body);
  }
  const invalidAt = utf8 ? firstInvalidUtf8Byte(raw) : undefined;
  if (invalidAt !== undefined) {
    return [{ path: '', message: `Request body is not valid UTF-8 (at byte offset ${invalidAt})` }];
  }
  return findTextIssues(req.body);
}
