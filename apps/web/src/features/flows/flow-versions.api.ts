import {
  flowVersionListSchema,
  flowVersionSchema,
  type FlowVersionSummary,
  type FlowVersionView,
} from '@baton/api-contract';
import { apiRequest } from '../../api/api-client';
import { flowKeys } from './flows.api';

export const flowVersionKeys = {
  // Under the flow's detail key, so what refreshes the flow after a publish refreshes these too.
  list: (flowId: string) => [...flowKeys.detail(flowId), 'versions'] as const,
  one: (flowId: string, version: number) =>
    [...flowKeys.detail(flowId), 'version', version] as const,
};

const versionsPath = (flowId: string) => `/api/v1/flows/${encodeURIComponent(flowId)}/versions`;

/** Published versions, newest first. */
export async function fetchFlowVersions(
  flowId: string,
  signal?: AbortSignal,
): Promise<FlowVersionSummary[]> {
  const { items } = await apiRequest('GET', versionsPath(flowId), flowVersionListSchema, {
    signal,
  });
  return items;
}

/** One published version with its graph (immutable: a version never changes once published). */
export function fetchFlowVersion(
  flowId: string,
  version: number,
  signal?: AbortSignal,
): Promise<FlowVersionView> {
  return apiRequest('GET', `${versionsPath(flowId)}/${version}`, flowVersionSchema, { signal });
}
