import { API_CONFIG, type ApiConfig } from '../../config/api-config';
import type { Provider } from '@nestjs/common';
import { collectDefaultMetrics, Registry } from 'prom-client';

export const PROMETHEUS_REGISTRY = Symbol('PROMETHEUS_REGISTRY');

/**
 * One registry per app (not prom-client's global one), so several apps in one process (tests)
 * never collide over metric names. Default Node metrics (CPU, memory, event loop, GC) included.
 */
export const prometheusRegistryProvider: Provider = {
  provide: PROMETHEUS_REGISTRY,
  useFactory: () => {
    const registry = new Registry();
    collectDefaultMetrics({ register: registry });
    return registry;
  },
};

export const METRICS_TOKEN = Symbol('METRICS_TOKEN');

/** METRICS_TOKEN: GET /metrics wants "Authorization: Bearer <token>"; unset, /metrics is off. */
export const metricsTokenProvider: Provider = {
  provide: METRICS_TOKEN,
  inject: [API_CONFIG],
  useFactory: (config: ApiConfig): string | null => config.METRICS_TOKEN ?? null,
};
