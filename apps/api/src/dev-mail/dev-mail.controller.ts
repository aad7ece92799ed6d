import { Controller, Get, Inject, NotFoundException } from '@nestjs/common';
import { ApiResponse, ApiTags } from '@nestjs/swagger';
import { apiErrorSchema, type CapturedMailList, capturedMailListSchema } from '@baton/api-contract';
import { Roles } from '../auth/auth.decorators';
import { DevMailCapture } from './dev-mail-capture.service';

@ApiTags('dev')
@Roles('admin', 'manager')
@Controller('api/v1/dev/mail')
export class DevMailController {
  constructor(@Inject(DevMailCapture) private readonly capture: DevMailCapture) {}

  /** Mail the workflows "sent" on a local install, newest first. */
  @Get()
  @ApiResponse({ status: 200, standardSchema: capturedMailListSchema })
  @ApiResponse({ status: 404, description: 'Mail capture is off', standardSchema: apiErrorSchema })
  list(): CapturedMailList {
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
