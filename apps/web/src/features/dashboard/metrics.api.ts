import {
  handoffMetricsSchema,
  leadAgingSchema,
  type HandoffMetrics,
  type LeadAging,
  type MetricsGroupBy,
} from '@baton/api-contract';
import { apiRequest } from '../../api/api-client';

export const windowDays = [7, 30, 90] as const;
export type WindowDays = (typeof windowDays)[number];

const dayMs = 86_400_000;

export const metricsKeys = {
  all: ['metrics'] as const,
  handoff: (days: WindowDays, groupBy: MetricsGroupBy) =>
    [...metricsKeys.all, 'handoff', { days, groupBy }] as const,
  aging: () => [...metricsKeys.all, 'aging'] as const,
};

/** The last `days` days up to now (the server's default `to`). */
export function fetchHandoffMetrics(
  days: WindowDays,
  groupBy: MetricsGroupBy,
  signal?: AbortSignal,
  now: number = Date.now(),
): Promise<HandoffMetrics> {
  const to = new Date(now);
  const from = new Date(now - days * dayMs);
  return apiRequest('GET', '/api/v1/metrics/handoff', handoffMetricsSchema, {
    query: { from: from.toISOString(), to: to.toISOString(), groupBy },
    signal,
  });
}

export function fetchLeadAging(signal?: AbortSignal): Promise<LeadAging> {
  return apiRequest('GET', '/api/v1/metrics/aging', leadAgingSchema, { signal });
}
