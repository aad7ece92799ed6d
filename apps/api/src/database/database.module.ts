import { Global, Inject, Module, type OnApplicationShutdown } from '@nestjs/common';
import { DataSource } from '@baton/db';

/** Provides the process's one DataSource (opened by whoever builds the app). */
@Global()
@Module({})
export class DatabaseModule implements OnApplicationShutdown {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  static forDataSource(dataSource: DataSource) {
    return {
      module: DatabaseModule,
      providers: [{ provide: DataSource, useValue: dataSource }],
      exports: [DataSource],
    };
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.dataSource.isInitialized) await this.dataSource.destroy();
  }
}
