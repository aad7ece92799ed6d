import { Module } from '@nestjs/common';
import { DispatchModule } from '../dispatch/dispatch.module';
import { IntakeController } from './intake.controller';
import { LeadIntakeService } from './lead-intake.service';

@Module({
  imports: [DispatchModule],
  controllers: [IntakeController],
  providers: [LeadIntakeService],
})
export class IntakeModule {}
