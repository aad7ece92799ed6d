import { Controller, Get, Inject } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { type SystemStatus, systemStatusSchema } from '@baton/api-contract';
import { Roles } from '../auth/auth.decorators';
import { API_CONFIG, type ApiConfig } from '../config/api-config';
import { TemporalClientService } from '../temporal/temporal-client.service';
import { MailStatusService } from './mail-status.service';
import { ModelStatusService } from './model-status.service';

@ApiTags('status')
@Roles('admin', 'manager')
@Controller('api/v1/status')
export class StatusController {
  constructor(
    @Inject(ModelStatusService) private readonly model: ModelStatusService,
    @Inject(MailStatusService) private readonly mail: MailStatusService,
    @Inject(TemporalClientService) private readonly temporal: TemporalClientService,
    @Inject(API_CONFIG) private readonly config: ApiConfig,
  ) {}

  @Get()
  @ApiOperation({
    summary: 'How the model, mail and Temporal stand',
    description:
      'Always 200 while the API runs: a part that is down or missing is reported in its state (ok, attention, not_configured), never as an error.',
  })
  @ApiResponse({ status: 200, standardSchema: systemStatusSchema })
  async get(): Promise<SystemStatus> {
    const [model, smtp, reachable] = await Promise.all([
      this.model.read(),
      this.mail.read(),
      this.temporal.isHealthy(),
    ]);
    return {
      checkedAt: new Date().toISOString(),
      model,
      smtp,
      temporal: {
        state: reachable ? 'ok' : 'attention',
        reachable,
        address: this.config.TEMPORAL_ADDRESS,
      },
    };
  }
}
