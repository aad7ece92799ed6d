import { Module } from '@nestjs/common';
import { DispatchModule } from '../dispatch/dispatch.module';
import { FormIntakeController } from './form-intake.controller';
import { IntakeController } from './intake.controller';
import { LeadIntakeService } from './lead-intake.service';
import { SourceRateLimiter } from './source-rate-limiter';

@Module({
  imports: [DispatchModule],
  controllers: [IntakeController, FormIntakeController],
  providers: [LeadIntakeService, SourceRateLimiter],
})
export class IntakeModule {}
