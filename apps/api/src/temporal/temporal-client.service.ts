import { Inject, Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { Client, Connection } from '@temporalio/client';
import { API_CONFIG, type ApiConfig } from '../config/api-config';

/**
 * A lazily connected Temporal client. Intake never waits for Temporal: if it is down, calls here
 * fail, the lead stays pending, and the dispatcher retries once Temporal answers again.
 */
@Injectable()
export class TemporalClientService implements OnApplicationShutdown {
  private readonly logger = new Logger(TemporalClientService.name);
  private connecting: Promise<Client> | null = null;
  private connection: Connection | null = null;

  constructor(@Inject(API_CONFIG) private readonly config: ApiConfig) {}

  get taskQueue(): string {
    return this.config.TEMPORAL_TASK_QUEUE;
  }

  async client(): Promise<Client> {
    this.connecting ??= this.connect().catch((err: unknown) => {
      this.connecting = null;
      throw err;
    });
    return this.connecting;
  }

  /** True when the Temporal frontend answers a health check right now. */
  async isHealthy(): Promise<boolean> {
    try {
      await this.client();
      await this.connection?.healthService.check({});
      return this.connection !== null;
    } catch {
      return false;
    }
  }

  private async connect(): Promise<Client> {
    this.connection = await Connection.connect({
      address: this.config.TEMPORAL_ADDRESS,
      connectTimeout: '3s',
    });
    this.logger.log(`Connected to Temporal at ${this.config.TEMPORAL_ADDRESS}`);
    return new Client({ connection: this.connection, namespace: this.config.TEMPORAL_NAMESPACE });
  }

  async onApplicationShutdown(): Promise<void> {
    await this.connection?.close();
  }
}
