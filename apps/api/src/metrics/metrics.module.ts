import { type MiddlewareConsumer, Module, type NestModule, RequestMethod } from '@nestjs/common';
import { HandoffMetricsService } from './handoff-metrics.service';
import { LeadAgingService } from './lead-aging.service';
import { MetricsClock } from './metrics-clock';
import { MetricsController } from './metrics.controller';
import { MetricsSettingsService } from './metrics-settings.service';
import { DatabaseGauges } from './prometheus/database-gauges';
import { HttpMetrics, HttpMetricsMiddleware } from './prometheus/http-metrics';
import { PrometheusController } from './prometheus/prometheus.controller';
import { metricsTokenProvider, prometheusRegistryProvider } from './prometheus/prometheus-registry';

/**
 * Speed-to-lead metrics (GET /api/v1/metrics/handoff, /aging) and the Prometheus endpoint
 * (GET /metrics: default Node metrics, HTTP request metrics, lead and workflow-start gauges).
 */
@Module({
  controllers: [MetricsController, PrometheusController],
  providers: [
    MetricsClock,
    MetricsSettingsService,
    HandoffMetricsService,
    LeadAgingService,
    prometheusRegistryProvider,
    metricsTokenProvider,
    HttpMetrics,
    DatabaseGauges,
  ],
})
export class MetricsModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(HttpMetricsMiddleware).forRoutes({ path: '{*path}', method: RequestMethod.ALL });
  }
}
