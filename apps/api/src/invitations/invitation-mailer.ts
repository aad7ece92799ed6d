import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { createEmailSender, type EmailSender } from '@baton/notify';
import { API_CONFIG, type ApiConfig } from '../config/api-config';

export interface InvitationMail {
  to: string;
  name: string;
  role: string;
  invitedBy: string;
  link: string;
  expiresAt: Date;
}

/**
 * Sends invitation mail over SMTP_URL, or to the local capture that `npm start` runs (the same
 * place the worker's mail goes). Without either there is nowhere to send, and it says so.
 */
@Injectable()
export class InvitationMailer implements OnApplicationShutdown {
  private sender: EmailSender | null = null;

  constructor(@Inject(API_CONFIG) private readonly config: ApiConfig) {}

  /** Where mail goes, or null when this install sends none. */
  get smtpUrl(): string | null {
    if (this.config.SMTP_URL) return this.config.SMTP_URL;
    if (this.config.NODE_ENV === 'development')
      return `smtp://127.0.0.1:${this.config.SMTP_CAPTURE_PORT}`;
    return null;
  }

  /** Throws EmailSendError when the relay refuses or cannot be reached. */
  async send(mail: InvitationMail): Promise<void> {
    const smtpUrl = this.smtpUrl;
    if (!smtpUrl) throw new Error('no SMTP_URL');
    this.sender ??= createEmailSender({ smtpUrl, from: this.config.SMTP_FROM });
    const expires = mail.expiresAt.toUTCString();
    await this.sender.send({
      to: mail.to,
      subject: 'You are invited to Baton',
      text: [
        `Hello ${mail.name},`,
        '',
        `${mail.invitedBy} invited you to Baton as a ${mail.role}.`,
        'Choose your password here to sign in:',
        '',
        mail.link,
        '',
        `The link works once and expires ${expires}. If it has expired, ask your admin for a new one.`,
      ].join('\n'),
    });
  }

  onApplicationShutdown(): void {
    this.sender?.close();
  }
}
