import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { type CapturedEmail, createSmtpCapture, type SmtpCapture } from '@baton/notify';
import { API_CONFIG, type ApiConfig } from '../config/api-config';

/**
 * Local installs (npm start) have no mail relay: the worker sends to this capture instead, and
 * admins read what was "sent" in the app. Runs only when SMTP_URL is unset outside production.
 */
@Injectable()
export class DevMailCapture implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(DevMailCapture.name);
  private capture: SmtpCapture | null = null;

  constructor(@Inject(API_CONFIG) private readonly config: ApiConfig) {}

  get enabled(): boolean {
    return !this.config.SMTP_URL && this.config.NODE_ENV === 'development';
  }

  async onApplicationBootstrap(): Promise<void> {
    if (!this.enabled) return;
    try {
      this.capture = await createSmtpCapture({
        port: this.config.SMTP_CAPTURE_PORT,
        maxMessages: 200,
      });
      this.logger.log(
        `No SMTP_URL: capturing outgoing mail on ${this.capture.url} (see /api/v1/dev/mail)`,
      );
    } catch (err) {
      this.logger.warn(
        `Mail capture could not start on port ${this.config.SMTP_CAPTURE_PORT}: ${err instanceof Error ? err.message : String(err)}`,
      );
    }
  }

  list(): CapturedEmail[] {
    return this.capture?.list() ?? [];
  }

  async onApplicationShutdown(): Promise<void> {
    await this.capture?.close();
  }
}
