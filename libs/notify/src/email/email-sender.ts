import { createTransport, type SMTPTransportOptions } from 'nodemailer';
import { EmailSendError } from './email-send.error';
import { toEmailSendError } from './to-email-send-error';

export interface EmailSenderOptions {
  /** smtp://user:pass@host:587 or smtps://…; wins over `transport` for what it sets. */
  smtpUrl?: string;
  /** Full nodemailer SMTP options, for what a URL cannot say (TLS settings, pools, DKIM). */
  transport?: SMTPTransportOptions;
  /** Default From, e.g. "Baton <baton@example.com>". */
  from: string;
}

/** A calendar invite sent as the text/calendar alternative (what mail clients show as an invite). */
export interface IcalInvite {
  method?: 'REQUEST' | 'PUBLISH' | 'CANCEL' | 'REPLY';
  content: string;
  filename?: string;
}

export interface EmailMessage {
  to: string | string[];
  subject: string;
  text: string;
  html?: string;
  replyTo?: string;
  icalEvent?: IcalInvite;
  headers?: Record<string, string>;
}

export interface EmailSender {
  /** Sends one message; resolves with its Message-ID. Throws EmailSendError. */
  send(message: EmailMessage): Promise<string>;
  /** Connects and authenticates without sending (a health check). Throws EmailSendError. */
  verify(): Promise<void>;
  close(): void;
}

// Nodemailer's defaults wait minutes on a dead server; an activity should fail fast and retry.
const DEFAULT_TIMEOUTS = {
  connectionTimeout: 10_000,
  greetingTimeout: 10_000,
  socketTimeout: 30_000,
};

const CRLF = /[\r\n]/;

function assertSendable(message: EmailMessage): void {
  const recipients = Array.isArray(message.to) ? message.to : [message.to];
  if (recipients.length === 0 || recipients.some((to) => !to.trim())) {
    throw new EmailSendError('invalid_message', 'email not sent (invalid_message): no recipient', {
      retryable: false,
    });
  }
  // Header values come partly from templates; a line break would let them add headers.
  for (const [name, value] of Object.entries(message.headers ?? {})) {
    if (CRLF.test(name) || CRLF.test(value) || !/^[A-Za-z0-9-]+$/.test(name)) {
      throw new EmailSendError(
        'invalid_message',
        `email not sent (invalid_message): header ${JSON.stringify(name)} is not a single line`,
        {
          retryable: false,
        },
      );
    }
  }
}

/** Email over SMTP with nodemailer: one transport, typed failures, no file or URL access. */
export function createEmailSender(options: EmailSenderOptions): EmailSender {
  if (!options.smtpUrl && !options.transport) {
    // Nodemailer would silently try localhost:587; say what is missing instead.
    throw new EmailSendError(
      'config',
      'email is not configured: set an SMTP URL or transport options',
      { retryable: false },
    );
  }
  const transporter = createTransport({
    ...DEFAULT_TIMEOUTS,
    ...options.transport,
    ...(options.smtpUrl ? { url: options.smtpUrl } : {}),
    // Message fields are plain strings from us; never let one name a local file or a URL to fetch.
    disableFileAccess: true,
    disableUrlAccess: true,
  });

  return {
    async send(message) {
      assertSendable(message);
      try {
        const info = await transporter.sendMail({
          from: options.from,
          to: message.to,
          replyTo: message.replyTo,
          // A subject is one line, whatever the template produced.
          subject: message.subject.replace(/\s+/g, ' ').trim(),
          text: message.text,
          html: message.html,
          icalEvent: message.icalEvent,
          headers: message.headers,
        });
        return info.messageId;
      } catch (error) {
        throw toEmailSendError(error);
      }
    },
    async verify() {
      try {
        await transporter.verify();
      } catch (error) {
        throw toEmailSendError(error);
      }
    },
    close() {
      transporter.close();
    },
  };
}
