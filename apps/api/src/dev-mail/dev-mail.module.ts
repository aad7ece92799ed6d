import { Module } from '@nestjs/common';
import { DevMailController } from './dev-mail.controller';
import { DevMailCapture } from './dev-mail-capture.service';

@Module({
  controllers: [DevMailController],
  providers: [DevMailCapture],
  exports: [DevMailCapture],
})
export class DevMailModule {}
