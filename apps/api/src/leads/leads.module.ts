import { Module } from '@nestjs/common';
import { LeadReadService } from './lead-read.service';
import { LeadsController } from './leads.controller';

@Module({ controllers: [LeadsController], providers: [LeadReadService] })
export class LeadsModule {}
