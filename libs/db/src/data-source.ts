import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { entities } from './entities';
import { migrations } from './migrations';
import { SnakeNamingStrategy } from './naming/snake-naming.strategy';

export interface DataSourceOptions {
  url: string;
  /** Connection pool size per process. */
  poolSize?: number;
  applicationName?: string;
  /**
   * Bounds on waiting, for processes whose work has deadlines of its own (the worker's steps
   * time out after 30 s): past them a query fails, and is retried, instead of hanging on a full
   * pool, a lock or a dead connection.
   */
  timeouts?: { acquireMs: number; statementMs: number };
}

/** The one way every process (api, worker, scripts, tests) talks to PostgreSQL. Never `synchronize`. */
export function createDataSource(options: DataSourceOptions): DataSource {
  return new DataSource({
    type: 'postgres',
    url: options.url,
    entities,
    migrations,
    namingStrategy: new SnakeNamingStrategy(),
    synchronize: false,
    migrationsRun: false,
    migrationsTransactionMode: 'each',
    applicationName: options.applicationName ?? 'baton',
    extra: {
      max: options.poolSize ?? 10,
      // A transaction left open by a crashed step must not hold its locks for ever.
      idle_in_transaction_session_timeout: 60_000,
      ...(options.timeouts
        ? {
            connectionTimeoutMillis: options.timeouts.acquireMs,
            statement_timeout: options.timeouts.statementMs,
            query_timeout: options.timeouts.statementMs + 5_000,
          }
        : {}),
    },
  });
}

/** Opens the data source and brings the schema up to date. */
export async function openAndMigrate(options: DataSourceOptions): Promise<DataSource> {
  const ds = createDataSource(options);
  await ds.initialize();
  await ds.runMigrations();
  return ds;
}
