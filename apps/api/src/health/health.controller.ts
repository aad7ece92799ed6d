import { Controller, Get, Inject, ServiceUnavailableException } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { DataSource } from '@baton/db';
import { Public } from '../auth/auth.decorators';
import { TemporalClientService } from '../temporal/temporal-client.service';

@ApiTags('health')
@Public()
@Controller('health')
export class HealthController {
  constructor(
    @Inject(DataSource) private readonly db: DataSource,
    @Inject(TemporalClientService) private readonly temporal: TemporalClientService,
  ) {}

  /** The process is up (for liveness probes: never depends on other services). */
  @Get('live')
  live() {
    return { status: 'ok' };
  }

  /** Database and Temporal both answer (readiness probes, `npm start`). */
  @Get('ready')
  async ready() {
    const [database, temporal] = await Promise.all([
      this.db.query('SELECT 1').then(
        () => true,
        () => false,
      ),
      this.temporal.isHealthy(),
    ]);
    const checks = { database: database ? 'up' : 'down', temporal: temporal ? 'up' : 'down' };
    if (!database || !temporal) {
      throw new ServiceUnavailableException({
        error: 'Service Unavailable',
        message: 'Not ready',
        checks,
      });
    }
    return { status: 'ok', checks };
  }
}
