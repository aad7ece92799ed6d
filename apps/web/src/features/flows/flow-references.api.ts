import {
  scheduleListSchema,
  sourceListSchema,
  teamListSchema,
  userListSchema,
} from '@baton/api-contract';
import type { KnownReferences } from '@baton/flow';
import { useQueries } from '@tanstack/react-query';
import { useMemo } from 'react';
import { apiRequest } from '../../api/api-client';

// The things a node config points at by id (teams, people, schedules, sources): the pickers of
// the config forms list them, the node faces name them, and validation checks ids against them.

export interface ReferenceOption {
  id: string;
  name: string;
}

export type ReferenceKind = 'team' | 'user' | 'schedule' | 'source';

export interface FlowReferences {
  /** Undefined while loading, or when this person may not list them. */
  options: Partial<Record<ReferenceKind, ReferenceOption[]>>;
  names: ReadonlyMap<string, string>;
  /** Ids that exist, once teams, people and schedules have all loaded (validation needs all three). */
  known: KnownReferences | undefined;
}

const referenceKeys = {
  list: (kind: ReferenceKind) => ['flow-references', kind] as const,
};

const options = (items: { id: string; name: string }[]): ReferenceOption[] =>
  items.map(({ id, name }) => ({ id, name }));

const fetchers: Record<ReferenceKind, (signal: AbortSignal) => Promise<ReferenceOption[]>> = {
  team: async (signal) =>
    options((await apiRequest('GET', '/api/v1/teams', teamListSchema, { signal })).items),
  user: async (signal) =>
    options((await apiRequest('GET', '/api/v1/users', userListSchema, { signal })).items),
  schedule: async (signal) =>
    options((await apiRequest('GET', '/api/v1/schedules', scheduleListSchema, { signal })).items),
  source: async (signal) =>
    options((await apiRequest('GET', '/api/v1/sources', sourceListSchema, { signal })).items),
};

const kinds: ReferenceKind[] = ['team', 'user', 'schedule', 'source'];

/** Loads the lists for editors; `enabled` false (a rep, a read-only view) loads nothing. */
export function useFlowReferences(enabled: boolean): FlowReferences {
  const results = useQueries({
    queries: kinds.map((kind) => ({
      queryKey: referenceKeys.list(kind),
      queryFn: ({ signal }: { signal: AbortSignal }) => fetchers[kind](signal),
      enabled,
      staleTime: 60_000,
    })),
  });
  const [teams, users, schedules, sources] = results.map((r) => r.data);
  return useMemo(() => {
    const names = new Map<string, string>();
    for (const option of [teams, users, schedules, sources].flat()) {
      if (option) names.set(option.id, option.name);
    }
    return {
      options: { team: teams, user: users, schedule: schedules, source: sources },
      names,
      known:
        teams && users && schedules
          ? {
              teamIds: teams.map((t) => t.id),
              userIds: users.map((u) => u.id),
              scheduleIds: schedules.map((s) => s.id),
            }
          : undefined,
    };
  }, [teams, users, schedules, sources]);
}
