import { type DynamicModule, Module } from '@nestjs/common';
import type { DataSource } from '@baton/db';
import { AlertsModule } from './alerts/alerts.module';
import { ApiTokensModule } from './api-tokens/api-tokens.module';
import { AuditModule } from './audit/audit.module';
import { AuthModule } from './auth/auth.module';
import { API_CONFIG, type ApiConfig } from './config/api-config';
import { DatabaseModule } from './database/database.module';
import { DemoDataModule } from './demo-data/demo-data.module';
import { DevMailModule } from './dev-mail/dev-mail.module';
import { HealthController } from './health/health.controller';
import { FlowsModule } from './flows/flows.module';
import { IntakeModule } from './intake/intake.module';
import { InvitationsModule } from './invitations/invitations.module';
import { LeadsModule } from './leads/leads.module';
import { LiveModule } from './live/live.module';
import { MetricsModule } from './metrics/metrics.module';
import { PeopleModule } from './people/people.module';
import { RateLimitModule } from './rate-limit/rate-limit.module';
import { SettingsModule } from './settings/settings.module';
import { StatusModule } from './status/status.module';
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
        RateLimitModule,
        AuditModule,
        AuthModule,
        IntakeModule,
        LeadsModule,
        LiveModule,
        AlertsModule,
        FlowsModule,
        PeopleModule,
        InvitationsModule,
        MetricsModule,
        DevMailModule,
        SettingsModule,
        ApiTokensModule,
        StatusModule,
        DemoDataModule,
      ],
      controllers: [HealthController],
      providers: [{ provide: API_CONFIG, useValue: config }],
      exports: [API_CONFIG],
    };
  }
}
