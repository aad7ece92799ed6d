import { Module } from '@nestjs/common';
import { LeadActionsController } from './actions/lead-actions.controller';
import { LeadActionsService } from './actions/lead-actions.service';
import { QualificationCorrectionService } from './corrections/qualification-correction.service';
import { QualificationCorrectionsController } from './corrections/qualification-corrections.controller';
import { LeadAccessService } from './lead-access.service';
import { LeadReadService } from './lead-read.service';
import { LeadsController } from './leads.controller';

@Module({
  controllers: [LeadsController, LeadActionsController, QualificationCorrectionsController],
  providers: [
    LeadReadService,
    LeadAccessService,
    LeadActionsService,
    QualificationCorrectionService,
  ],
})
export class LeadsModule {}
