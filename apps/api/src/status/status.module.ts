import { Module } from '@nestjs/common';
import { DevMailModule } from '../dev-mail/dev-mail.module';
import { MailStatusService } from './mail-status.service';
import { ModelStatusService } from './model-status.service';
import { StatusController } from './status.controller';

@Module({
  imports: [DevMailModule],
  controllers: [StatusController],
  providers: [ModelStatusService, MailStatusService],
})
export class StatusModule {}
