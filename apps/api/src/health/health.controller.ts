import { Controller, Get, Inject, ServiceUnavailableException } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { apiErrorSchema } from '@baton/api-contract';
import { DataSource } from '@baton/db';
import { checkModelHealth } from '@baton/qualify';
import { Public } from '../auth/auth.decorators';
import { API_CONFIG, type ApiConfig } from '../config/api-config';
import { TemporalClientService } from '../temporal/temporal-client.service';
import { type Readiness, readinessSchema } from './readiness.schema';

/** A probe answers within seconds; a model server slower than this counts as degraded. */
const MODEL_CHECK_TIMEOUT_MS = 1_500;

@ApiTags('health')
@Public()
@Controller('health')
export class HealthController {
  constructor(
    @Inject(DataSource) private readonly db: DataSource,
    @Inject(TemporalClientService) private readonly temporal: TemporalClientService,
    @Inject(API_CONFIG) private readonly config: ApiConfig,
  ) {}

  /** The process is up (for liveness probes: never depends on other services). */
  @Get('live')
  live() {
    return { status: 'ok' };
  }

  /** Database and Temporal both answer (readiness probes, `npm start`); the model is reported only. */
  @Get('ready')
  @ApiOperation({
    summary: 'Readiness: database and Temporal',
    description:
      '200 when PostgreSQL and Temporal answer, 503 when either does not. checks.model reports the qualifier model (up, degraded, not_configured) but never fails readiness: without it leads are scored by the heuristic.',
  })
  @ApiResponse({ status: 200, standardSchema: readinessSchema })
  @ApiResponse({
    status: 503,
    description: 'The database or Temporal is down; the message names which',
    standardSchema: apiErrorSchema,
  })
  async ready(): Promise<Readiness> {
    const [database, temporal, model] = await Promise.all([
      this.db.query('SELECT 1').then(
        () => true,
        () => false,
      ),
      this.temporal.isHealthy(),
      checkModelHealth({
        ...(this.config.OLLAMA_HOST ? { host: this.config.OLLAMA_HOST } : {}),
        model: this.config.OLLAMA_MODEL,
        timeoutMs: MODEL_CHECK_TIMEOUT_MS,
      }),
    ]);
    const checks: Readiness['checks'] = {
      database: database ? 'up' : 'down',
      temporal: temporal ? 'up' : 'down',
      model: model.status,
    };
    if (!database || !temporal) {
      // Error answers carry only statusCode, error and message: the message says which is down.
      throw new ServiceUnavailableException({
        error: 'Service Unavailable',
        message: `Not ready: database ${checks.database}, temporal ${checks.temporal}`,
      });
    }
    return { status: 'ok', checks, ...(model.detail ? { details: { model: model.detail } } : {}) };
  }
}
