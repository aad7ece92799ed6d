import type { CurrentUser, MetricsFilters, MetricsGroupBy } from '@baton/api-contract';
import type { LeadScope } from './queries/lead-scope.sql';

/**
 * The scope a person may see: managers and admins whatever they asked for; a rep only their own
 * leads (owner forced to themselves, whatever the query says). Enforced here, on the server.
 */
export function scopeFor(
  user: CurrentUser,
  query: { groupBy: MetricsGroupBy; teamId?: string | undefined; sourceId?: string | undefined },
): LeadScope {
  return {
    groupBy: query.groupBy,
    teamId: query.teamId,
    sourceId: query.sourceId,
    ownerId: user.role === 'rep' ? user.id : undefined,
  };
}

export function filtersOf(scope: LeadScope): MetricsFilters {
  return {
    teamId: scope.teamId ?? null,
    sourceId: scope.sourceId ?? null,
    ownerId: scope.ownerId ?? null,
  };
}
