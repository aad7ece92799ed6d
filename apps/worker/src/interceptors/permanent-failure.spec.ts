import { ApplicationFailure } from '@temporalio/activity';
import { z } from 'zod';
import { EmailSendError, WebhookError } from '@baton/notify';
import { asActivityError, permanentFailureType } from './permanent-failure';

const pgError = (code: string) => Object.assign(new Error(`pg ${code}`), { code });

describe('permanentFailureType', () => {
  it('trusts what the senders say', () => {
    expect(permanentFailureType(new EmailSendError('rejected', '550', { retryable: false }))).toBe(
      'EmailSendError',
    );
    expect(
      permanentFailureType(new EmailSendError('connection', 'ECONNREFUSED', { retryable: true })),
    ).toBeNull();
    expect(
      permanentFailureType(new WebhookError('blocked_address', 'loopback', { retryable: false })),
    ).toBe('WebhookError');
    expect(
      permanentFailureType(new WebhookError('http_status', '503', { retryable: true })),
    ).toBeNull();
  });

  it('treats a config that does not parse as permanent', () => {
    const result = z.object({ channel: z.string() }).safeParse({});
    expect(permanentFailureType(result.error)).toBe('InvalidStepConfig');
  });

  it('tells data PostgreSQL will never take from a passing database problem', () => {
    expect(permanentFailureType(pgError('22P02'))).toBe('DatabaseRejected22P02'); // invalid text
    expect(permanentFailureType(pgError('23503'))).toBe('DatabaseRejected23503'); // foreign key
    expect(permanentFailureType(pgError('23505'))).toBeNull(); // unique: a retry finds it done
    expect(permanentFailureType(pgError('40001'))).toBeNull(); // serialization
    expect(permanentFailureType(pgError('57P01'))).toBeNull(); // admin shutdown (a restart)
    expect(
      permanentFailureType(Object.assign(new Error('x'), { code: 'ECONNREFUSED' })),
    ).toBeNull();
    expect(permanentFailureType(new Error('socket hang up'))).toBeNull();
  });

  it('leaves retryable application failures retryable', () => {
    expect(permanentFailureType(ApplicationFailure.retryable('later'))).toBeNull();
    expect(permanentFailureType(ApplicationFailure.nonRetryable('never', 'Gone'))).toBe('Gone');
  });
});

describe('asActivityError', () => {
  it('wraps a permanent error as non-retryable, keeping its message and cause', () => {
    const cause = new EmailSendError('rejected', 'email not sent (rejected): 550', {
      retryable: false,
    });
    const wrapped = asActivityError(cause);
    expect(wrapped).toBeInstanceOf(ApplicationFailure);
    expect(wrapped).toMatchObject({
      nonRetryable: true,
      type: 'EmailSendError',
      message: 'email not sent (rejected): 550',
      cause,
    });
  });

  it('passes anything else through untouched', () => {
    const err = new Error('connection reset');
    expect(asActivityError(err)).toBe(err);
  });
});
