import { ApplicationFailure } from '@temporalio/activity';
import { ZodError } from 'zod';

// SQLSTATE codes a retry cannot fix: bad data (class 22: invalid text, out of range …) and
// broken integrity (class 23) except a unique violation, which a retry of an idempotent step
// turns into "already done".
const isPermanentSqlState = (code: string) =>
  code.startsWith('22') || (code.startsWith('23') && code !== '23505');

interface ErrorShape {
  retryable?: unknown;
  code?: unknown;
  name?: unknown;
}

/**
 * The failure type when retrying `err` cannot help, else null. Senders say so themselves
 * (`retryable: false`: a rejected address, bad credentials, a webhook the SSRF guard refuses);
 * a config that does not parse and data PostgreSQL refuses never get better either.
 */
export function permanentFailureType(err: unknown): string | null {
  if (err instanceof ApplicationFailure) return err.nonRetryable ? (err.type ?? 'Error') : null;
  if (err instanceof ZodError) return 'InvalidStepConfig';
  if (typeof err !== 'object' || err === null) return null;
  const shape = err as ErrorShape;
  if (shape.retryable === false) return typeof shape.name === 'string' ? shape.name : 'Error';
  if (typeof shape.code === 'string' && /^[0-9A-Z]{5}$/.test(shape.code))
    return isPermanentSqlState(shape.code) ? `DatabaseRejected${shape.code}` : null;
  return null;
}

/** `err` as Temporal should see it: a non-retryable failure when it is permanent. */
export function asActivityError(err: unknown): unknown {
  const type = permanentFailureType(err);
  if (type === null || (err instanceof ApplicationFailure && err.nonRetryable)) return err;
  return ApplicationFailure.create({
    type,
    message: err instanceof Error ? err.message : String(err),
    nonRetryable: true,
    cause: err instanceof Error ? err : undefined,
  });
}
