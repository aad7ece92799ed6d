import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { Client } from 'pg';
import { Subject } from 'rxjs';
import { LEAD_CHANGED_CHANNEL } from '@baton/db';
import { API_CONFIG, type ApiConfig } from '../config/api-config';

/**
 * LISTENs for lead changes written by any API replica or worker (pg_notify in the same
 * transaction as the change) and fans them out to the browsers' SSE streams.
 */
@Injectable()
export class LeadChangeListener implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(LeadChangeListener.name);
  readonly changes = new Subject<string>();
  private client: Client | null = null;
  private closing = false;
  private retry: NodeJS.Timeout | null = null;

  constructor(@Inject(API_CONFIG) private readonly config: ApiConfig) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.connect();
  }

  async onApplicationShutdown(): Promise<void> {
    this.closing = true;
    if (this.retry) clearTimeout(this.retry);
    this.changes.complete();
    await this.client?.end().catch(() => undefined);
  }

  private async connect(): Promise<void> {
    const client = new Client({
      connectionString: this.config.DATABASE_URL,
      application_name: 'baton-api-listen',
    });
    client.on('notification', (msg) => msg.payload && this.changes.next(msg.payload));
    client.on('error', (err) => {
      this.logger.warn(`Live updates connection lost (${err.message}); reconnecting`);
      this.scheduleReconnect();
    });
    try {
      await client.connect();
      await client.query(`LISTEN ${LEAD_CHANGED_CHANNEL}`);
      this.client = client;
    } catch (err) {
      this.logger.warn(
        `Live updates unavailable (${err instanceof Error ? err.message : String(err)}); retrying`,
      );
      await client.end().catch(() => undefined);
      this.scheduleReconnect();
    }
  }

  private scheduleReconnect(): void {
    if (this.closing || this.retry) return;
    this.retry = setTimeout(() => {
      this.retry = null;
      void this.connect();
    }, 2000);
    this.retry.unref();
  }
}
