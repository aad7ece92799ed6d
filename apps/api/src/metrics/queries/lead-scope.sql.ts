import type { MetricsGroupBy } from '@baton/api-contract';
import { NOT_SPAM_LEAD } from '../../leads/lead-spam.sql';
import type { SqlParams } from './sql-query';

/** Which leads a metrics request covers, and how its rows are grouped. */
export interface LeadScope {
  groupBy: MetricsGroupBy;
  teamId?: string | undefined;
  sourceId?: string | undefined;
  /** A rep's own figures: forced to the rep by the server. */
  ownerId?: string | undefined;
}

export interface MetricsWindow {
  from: Date;
  to: Date;
}

const GROUP_COLUMN: Record<Exclude<MetricsGroupBy, 'none'>, string> = {
  team: 'team_id',
  rep: 'owner_id',
  source: 'source_id',
};

/** The lead columns a grouped query may group by (for subqueries that feed a grouping). */
export const GROUPABLE_COLUMNS = 'l.team_id, l.owner_id, l.source_id';

export interface ScopedLeads {
  /** Predicates on `leads l`, ANDed. */
  where: string;
  /** Select list head: `is_total`, `group_id`. */
  keys: string;
  /**
   * GROUP BY clause: the total row and, when grouped, one row per group, from one scan
   * (GROUPING SETS), each also split by `extra` expressions (e.g. a bucket).
   */
  groupBy(extra?: string[]): string;
}

/**
 * The scope of a metrics query over leads (alias `l`): filters, and the keys that tell the total
 * row (is_total) from the group rows (group_id: team, owner or source; null = none).
 */
export function scopedLeads(scope: LeadScope, p: SqlParams, population: string[]): ScopedLeads {
  const where = [...population];
  if (scope.teamId) where.push(`l.team_id = ${p.add(scope.teamId, 'uuid')}`);
  if (scope.sourceId) where.push(`l.source_id = ${p.add(scope.sourceId, 'uuid')}`);
  if (scope.ownerId) where.push(`l.owner_id = ${p.add(scope.ownerId, 'uuid')}`);
  const whereSql = where.length ? where.join('\n  AND ') : 'true';
  if (scope.groupBy === 'none') {
    return {
      where: whereSql,
      keys: 'true AS is_total, NULL::uuid AS group_id',
      groupBy: (extra = []) => (extra.length ? `GROUP BY ${extra.join(', ')}` : ''),
    };
  }
  const column = `l.${GROUP_COLUMN[scope.groupBy]}`;
  return {
    where: whereSql,
    keys: `GROUPING(${column}) = 1 AS is_total, ${column} AS group_id`,
    groupBy: (extra = []) =>
      `GROUP BY GROUPING SETS ((${extra.join(', ')}), (${[column, ...extra].join(', ')}))`,
  };
}

/**
 * The handoff population: leads received in the window, half-open [from, to), spam excluded
 * (the flow or a person set it aside, or it qualified as spam: lead-spam.sql). Served by
 * leads_metrics_window_idx (the qualification test needs the heap row).
 */
export function receivedInWindow(window: MetricsWindow, p: SqlParams): string[] {
  return [
    `l.received_at >= ${p.add(window.from.toISOString(), 'timestamptz')}`,
    `l.received_at < ${p.add(window.to.toISOString(), 'timestamptz')}`,
    NOT_SPAM_LEAD,
  ];
}

/** A row of any scoped query: which row it is. */
export interface ScopedRow {
  is_total: boolean;
  group_id: string | null;
}
