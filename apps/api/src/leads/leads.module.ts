import { Module } from '@nestjs/common';
import { MetricsSettingsService } from '../metrics/metrics-settings.service';
import { BulkLeadActionsController } from './actions/bulk-lead-actions.controller';
import { BulkLeadActionsService } from './actions/bulk-lead-actions.service';
import { LeadActionsController } from './actions/lead-actions.controller';
import { LeadActionsService } from './actions/lead-actions.service';
import { QualificationCorrectionService } from './corrections/qualification-correction.service';
import { QualificationCorrectionsController } from './corrections/qualification-corrections.controller';
import { LeadAccessService } from './lead-access.service';
import { LeadReadService } from './lead-read.service';
import { LeadsController } from './leads.controller';
import { AfterHoursLeadsService } from './list/after-hours-leads.service';

@Module({
  // Bulk before the single actions: `bulk` must not be taken for a lead id.
  controllers: [
    LeadsController,
    BulkLeadActionsController,
    LeadActionsController,
    QualificationCorrectionsController,
  ],
  providers: [
    LeadReadService,
    LeadAccessService,
    LeadActionsService,
    BulkLeadActionsService,
    QualificationCorrectionService,
    AfterHoursLeadsService,
    MetricsSettingsService,
  ],
})
export class LeadsModule {}
