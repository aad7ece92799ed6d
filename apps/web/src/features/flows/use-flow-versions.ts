import type { FlowVersionView } from '@baton/api-contract';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { fetchFlowVersion, fetchFlowVersions, flowVersionKeys } from './flow-versions.api';

/** The flow's published versions, newest first (loaded when `enabled`, e.g. the list is open). */
export function useFlowVersions(flowId: string, enabled = true) {
  return useQuery({
    queryKey: flowVersionKeys.list(flowId),
    queryFn: ({ signal }) => fetchFlowVersions(flowId, signal),
    enabled,
  });
}

/** One version with its graph; none while `version` is null. */
export function useFlowVersion(flowId: string, version: number | null) {
  return useQuery({
    queryKey: flowVersionKeys.one(flowId, version ?? 0),
    queryFn: ({ signal }) => fetchFlowVersion(flowId, version ?? 0, signal),
    enabled: version !== null,
    // A published version never changes.
    staleTime: Infinity,
  });
}

/** Loads a version on demand (a button press), from the cache when it was loaded before. */
export function useLoadFlowVersion(flowId: string): (version: number) => Promise<FlowVersionView> {
  const queryClient = useQueryClient();
  return useCallback(
    (version: number) =>
      queryClient.fetchQuery({
        queryKey: flowVersionKeys.one(flowId, version),
        queryFn: ({ signal }) => fetchFlowVersion(flowId, version, signal),
        staleTime: Infinity,
      }),
    [queryClient, flowId],
  );
}
