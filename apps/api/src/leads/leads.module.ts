import { Module } from '@nestjs/common';
import { LeadActionsController } from './actions/lead-actions.controller';
import { LeadActionsService } from './actions/lead-actions.service';
import { LeadAccessService } from './lead-access.service';
import { LeadReadService } from './lead-read.service';
import { LeadsController } from './leads.controller';

@Module({
  controllers: [LeadsController, LeadActionsController],
  providers: [LeadReadService, LeadAccessService, LeadActionsService],
})
export class LeadsModule {}
