import { createHash, timingSafeEqual } from 'node:crypto';
import { Controller, Get, Inject, Req, Res, UnauthorizedException } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import type { Registry } from 'prom-client';
import { Public } from '../../auth/auth.decorators';
import { METRICS_TOKEN, PROMETHEUS_REGISTRY } from './prometheus-registry';

const digest = (s: string) => createHash('sha256').update(s).digest();

/** Prometheus scrape endpoint (text exposition format). */
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
  @ApiProduces('text/plain')
  @ApiOkResponse({ description: 'Prometheus text format; needs the METRICS_TOKEN bearer when set' })
  async scrape(@Req() req: Request, @Res({ passthrough: true }) res: Response): Promise<string> {
    if (this.token) {
      const given = req.header('authorization')?.match(/^Bearer\s+(\S+)$/i)?.[1] ?? '';
      if (!timingSafeEqual(digest(given), digest(this.token))) {
        res.setHeader('WWW-Authenticate', 'Bearer realm="metrics"');
        throw new UnauthorizedException(
          'Send the metrics token as "Authorization: Bearer <token>"',
        );
      }
    }
    res.setHeader('Content-Type', this.registry.contentType);
    res.setHeader('Cache-Control', 'no-store');
    return this.registry.metrics();
  }
}
