import { createHash, timingSafeEqual } from 'node:crypto';
import {
  Controller,
  Get,
  Inject,
  NotFoundException,
  Req,
  Res,
  UnauthorizedException,
} from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import type { Request, Response } from 'express';
import type { Registry } from 'prom-client';
import { apiErrorSchema } from '@baton/api-contract';
import { Public } from '../../auth/auth.decorators';
import { METRICS_TOKEN, PROMETHEUS_REGISTRY } from './prometheus-registry';

const digest = (s: string) => createHash('sha256').update(s).digest();

/**
 * Prometheus scrape endpoint (text exposition format). Off until METRICS_TOKEN is set, then only
 * for "Authorization: Bearer <token>": the numbers describe the business (leads waiting, SLA
 * breaches), so they are not for anyone who can reach the port.
 */
@ApiTags('metrics')
@Public()
@Controller('metrics')
export class PrometheusController {
  constructor(
    @Inject(PROMETHEUS_REGISTRY) private readonly registry: Registry,
    @Inject(METRICS_TOKEN) private readonly token: string | null,
  ) {}

  @Get()
  @ApiBearerAuth()
  @ApiOkResponse({
    description: 'Prometheus text format',
    content: { 'text/plain': { schema: { type: 'string' } } },
  })
  @ApiUnauthorizedResponse({
    description: 'No or wrong METRICS_TOKEN bearer',
    standardSchema: apiErrorSchema,
  })
  @ApiNotFoundResponse({
    description: 'METRICS_TOKEN is not set on the API, so /metrics is off',
    standardSchema: apiErrorSchema,
  })
  async scrape(@Req() req: Request, @Res({ passthrough: true }) res: Response): Promise<string> {
    if (!this.token) {
      throw new NotFoundException(
        'Prometheus metrics are off: set METRICS_TOKEN (16 characters or more) on the API to enable /metrics, and scrape with "Authorization: Bearer <token>"',
      );
    }
    const given = req.header('authorization')?.match(/^Bearer\s+(\S+)$/i)?.[1] ?? '';
    if (!timingSafeEqual(digest(given), digest(this.token))) {
      res.setHeader('WWW-Authenticate', 'Bearer realm="metrics"');
      throw new UnauthorizedException('Send the metrics token as "Authorization: Bearer <token>"');
    }
    res.setHeader('Content-Type', this.registry.contentType);
    res.setHeader('Cache-Control', 'no-store');
    return this.registry.metrics();
  }
}
