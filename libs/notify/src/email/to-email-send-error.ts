import type { NodemailerError } from 'nodemailer';
import { EmailSendError, type EmailSendFailure } from './email-send.error';

const reasonByCode: Record<string, EmailSendFailure> = {
  ECONNECTION: 'connection',
  ESOCKET: 'connection',
  EDNS: 'connection',
  EPROXY: 'connection',
  ETIMEDOUT: 'timeout',
  ETLS: 'tls',
  EREQUIRETLS: 'tls',
  EAUTH: 'auth',
  ENOAUTH: 'auth',
  EOAUTH2: 'auth',
  EENVELOPE: 'rejected',
  EMESSAGE: 'rejected',
  EMAXRECIPIENTS: 'rejected',
  ECONFIG: 'config',
};

// Retrying cannot fix these: the operator has to change the configuration or the address.
const neverRetry = new Set<EmailSendFailure>(['config', 'tls', 'auth', 'invalid_message']);

/** Maps a nodemailer error (codes, SMTP reply, `permanent` flag) onto EmailSendError. */
export function toEmailSendError(error: unknown): EmailSendError {
  if (error instanceof EmailSendError) return error;
  const e = (typeof error === 'object' && error !== null ? error : {}) as NodemailerError;
  const reason =
    (typeof e.code === 'string' && reasonByCode[e.code]) ||
    (e.responseCode ? 'rejected' : 'failed');
  const retryable = neverRetry.has(reason) ? false : e.permanent !== true;
  const message = typeof e.message === 'string' ? e.message : String(error);
  return new EmailSendError(reason, `email not sent (${reason}): ${message}`, {
    retryable,
    responseCode: e.responseCode,
    response: e.response,
    cause: error,
  });
}
