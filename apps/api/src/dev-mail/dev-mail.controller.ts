import { Controller, Get, Inject, NotFoundException } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Roles } from '../auth/auth.decorators';
import { DevMailCapture } from './dev-mail-capture.service';

@ApiTags('dev')
@Roles('admin', 'manager')
@Controller('api/v1/dev/mail')
export class DevMailController {
  constructor(@Inject(DevMailCapture) private readonly capture: DevMailCapture) {}

  /** Mail the workflows "sent" on a local install, newest first. */
  @Get()
  list() {
    if (!this.capture.enabled)
      throw new NotFoundException(
        'Mail capture is off: this install sends real mail (SMTP_URL is set)',
      );
    return {
      items: this.capture.list().map((m) => ({
        id: m.id,
        receivedAt: m.receivedAt,
        from: m.from,
        to: m.to,
        subject: m.subject,
        text: m.text,
      })),
    };
  }
}
