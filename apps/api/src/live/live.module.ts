import { Module } from '@nestjs/common';
import { AlertsModule } from '../alerts/alerts.module';
import { DatabaseChangeListener } from './database-change-listener.service';
import { EventsController } from './events.controller';
import { LiveAlertFeed } from './live-alert-feed.service';
import { LiveLeadFeed } from './live-lead-feed.service';

@Module({
  imports: [AlertsModule],
  controllers: [EventsController],
  providers: [DatabaseChangeListener, LiveLeadFeed, LiveAlertFeed],
})
export class LiveModule {}
