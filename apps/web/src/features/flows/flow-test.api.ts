import {
  flowBacktestSchema,
  flowSimulationSchema,
  flowVersionStatsSchema,
  type FlowBacktest,
  type FlowSimulation,
  type FlowSimulationRequest,
  type FlowVersionStats,
} from '@baton/api-contract';
import { apiRequest } from '../../api/api-client';

const flowPath = (flowId: string) => `/api/v1/flows/${encodeURIComponent(flowId)}`;

/** Walks the saved draft for one lead; nothing is written and nobody is notified. */
export function simulateDraft(
  flowId: string,
  request: FlowSimulationRequest,
): Promise<FlowSimulation> {
  return apiRequest('POST', `${flowPath(flowId)}/simulate`, flowSimulationSchema, {
    body: request,
  });
}

/** Per-node numbers of a published version over the leads pinned to it. */
export function fetchVersionStats(
  flowId: string,
  version: number,
  signal?: AbortSignal,
): Promise<FlowVersionStats> {
  return apiRequest(
    'GET',
    `${flowPath(flowId)}/versions/${version}/stats`,
    flowVersionStatsSchema,
    {
      signal,
    },
  );
}

/** Replays the flow's last `limit` real leads through the published version and the draft. */
export function backtestDraft(flowId: string, limit: number): Promise<FlowBacktest> {
  return apiRequest('POST', `${flowPath(flowId)}/backtest`, flowBacktestSchema, {
    body: { limit },
  });
}
