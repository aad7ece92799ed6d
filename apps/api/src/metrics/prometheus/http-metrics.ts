import { Inject, Injectable, type NestMiddleware } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { Counter, Histogram, type Registry } from 'prom-client';
import { PROMETHEUS_REGISTRY } from './prometheus-registry';

const LABELS = ['method', 'route', 'status'] as const;

/** HTTP request count and latency, labelled by route template (never the raw path). */
@Injectable()
export class HttpMetrics {
  private readonly requests: Counter<(typeof LABELS)[number]>;
  private readonly duration: Histogram<(typeof LABELS)[number]>;

  constructor(@Inject(PROMETHEUS_REGISTRY) registry: Registry) {
    this.requests = new Counter({
      name: 'baton_http_requests_total',
      help: 'HTTP requests answered, by method, route template and status code',
      labelNames: LABELS,
      registers: [registry],
    });
    this.duration = new Histogram({
      name: 'baton_http_request_duration_seconds',
      help: 'HTTP request duration in seconds, by method, route template and status code',
      labelNames: LABELS,
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers: [registry],
    });
  }

  observe(method: string, route: string, status: number, seconds: number): void {
    const labels = { method, route, status: String(status) };
    this.requests.inc(labels);
    this.duration.observe(labels, seconds);
  }
}

/**
 * Times every request, including the ones guards reject (401/403) and the ones no route matches
 * (route="unmatched", so unknown paths cannot blow up the label set).
 */
@Injectable()
export class HttpMetricsMiddleware implements NestMiddleware {
  constructor(@Inject(HttpMetrics) private readonly metrics: HttpMetrics) {}

  use(req: Request, res: Response, next: NextFunction): void {
    const started = process.hrtime.bigint();
    // Nest mounts middleware as a catch-all route: while req.route is still that one, no
    // controller route matched.
    const ownRoute: unknown = req.route;
    res.once('finish', () => {
      const route: unknown = req.route;
      const path = route && route !== ownRoute ? (route as { path?: unknown }).path : undefined;
      this.metrics.observe(
        req.method,
        typeof path === 'string' ? `${req.baseUrl}${path}` : 'unmatched',
        res.statusCode,
        Number(process.hrtime.bigint() - started) / 1e9,
      );
    });
    next();
  }
}
