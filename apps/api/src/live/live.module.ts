import { Module } from '@nestjs/common';
import { EventsController } from './events.controller';
import { LeadChangeListener } from './lead-change-listener.service';
import { LiveLeadFeed } from './live-lead-feed.service';

@Module({ controllers: [EventsController], providers: [LeadChangeListener, LiveLeadFeed] })
export class LiveModule {}
