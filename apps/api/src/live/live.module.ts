import { Module } from '@nestjs/common';
import { EventsController } from './events.controller';
import { LeadChangeListener } from './lead-change-listener.service';

@Module({ controllers: [EventsController], providers: [LeadChangeListener] })
export class LiveModule {}
