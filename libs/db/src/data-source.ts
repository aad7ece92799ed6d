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
    extra: { max: options.poolSize ?? 10 },
  });
}

/** Opens the data source and brings the schema up to date. */
export async function openAndMigrate(options: DataSourceOptions): Promise<DataSource> {
  const ds = createDataSource(options);
  await ds.initialize();
  await ds.runMigrations();
  return ds;
}
