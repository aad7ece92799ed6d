import { type DynamicModule, Module } from '@nestjs/common';
import type { DataSource } from '@baton/db';
import { AuthModule } from './auth/auth.module';
import { API_CONFIG, type ApiConfig } from './config/api-config';
import { DatabaseModule } from './database/database.module';
import { HealthController } from './health/health.controller';
import { IntakeModule } from './intake/intake.module';
import { LeadsModule } from './leads/leads.module';
import { LiveModule } from './live/live.module';
import { TemporalModule } from './temporal/temporal.module';

@Module({})
export class AppModule {
  static create(config: ApiConfig, dataSource: DataSource): DynamicModule {
    return {
      module: AppModule,
      global: true,
      imports: [
        DatabaseModule.forDataSource(dataSource),
        TemporalModule,
        AuthModule,
        IntakeModule,
        LeadsModule,
        LiveModule,
      ],
      controllers: [HealthController],
      providers: [{ provide: API_CONFIG, useValue: config }],
      exports: [API_CONFIG],
    };
  }
}
