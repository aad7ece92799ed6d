import { createSmtpCapture, type SmtpCapture } from '@baton/notify';

export interface CaughtMail {
  to: string | undefined;
  subject: string | undefined;
  text: string | undefined;
  html: string | undefined;
}

export interface MailCatcher {
  url: string;
  messages(): CaughtMail[];
  close(): Promise<void>;
}

/** A real SMTP server (in-process) that keeps what the worker sends. */
export async function startMailCatcher(): Promise<MailCatcher> {
  const capture: SmtpCapture = await createSmtpCapture({ port: 0 });
  return {
    url: capture.url,
    messages: () =>
      capture
        .list()
        .map((m) => ({ to: m.envelope.to[0], subject: m.subject, text: m.text, html: m.html })),
    close: () => capture.close(),
  };
}
