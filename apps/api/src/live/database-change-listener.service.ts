import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { Client } from 'pg';
import { Subject } from 'rxjs';
import { ALERT_CHANGED_CHANNEL, LEAD_CHANGED_CHANNEL } from '@baton/db';
import { API_CONFIG, type ApiConfig } from '../config/api-config';
import { type AlertChange, parseAlertChange } from './alert-change';

/**
 * One connection LISTENing for what any API replica or worker changed (pg_notify in the same
 * transaction as the change): leads (their ids) and alerts (a trigger on notifications), fanned
 * out to the browsers' SSE streams.
 */
@Injectable()
export class DatabaseChangeListener implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(DatabaseChangeListener.name);
  readonly leadChanges = new Subject<string>();
  readonly alertChanges = new Subject<AlertChange>();
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
    this.leadChanges.complete();
    this.alertChanges.complete();
    await this.client?.end().catch(() => undefined);
  }

  private async connect(): Promise<void> {
    const client = new Client({
      connectionString: this.config.DATABASE_URL,
      application_name: 'baton-api-listen',
    });
    client.on('notification', (msg) => {
      if (!msg.payload) return;
      if (msg.channel === LEAD_CHANGED_CHANNEL) this.leadChanges.next(msg.payload);
      if (msg.channel !== ALERT_CHANGED_CHANNEL) return;
      const change = parseAlertChange(msg.payload);
      if (change) this.alertChanges.next(change);
    });
    client.on('error', (err) => {
      this.logger.warn(`Live updates connection lost (${err.message}); reconnecting`);
      this.scheduleReconnect();
    });
    try {
      await client.connect();
      await client.query(`LISTEN ${LEAD_CHANGED_CHANNEL}; LISTEN ${ALERT_CHANGED_CHANNEL}`);
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
