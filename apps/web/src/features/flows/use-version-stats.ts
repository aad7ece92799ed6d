import { useQuery } from '@tanstack/react-query';
import { fetchVersionStats } from './flow-test.api';

/** A published version's per-node numbers, refreshed every 30 s while shown; off while null. */
export function useVersionStats(flowId: string, version: number | null, enabled = true) {
  return useQuery({
    queryKey: ['flows', 'stats', flowId, version],
    queryFn: ({ signal }) => fetchVersionStats(flowId, version ?? 1, signal),
    enabled: enabled && version !== null,
    refetchInterval: 30_000,
  });
}
