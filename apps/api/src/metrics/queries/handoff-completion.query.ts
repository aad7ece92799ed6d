import { contactedWithinSla, ROUTED } from './lead-definitions.sql';
import {
  type LeadScope,
  type MetricsWindow,
  receivedInWindow,
  type ScopedRow,
  scopedLeads,
} from './lead-scope.sql';
import { SqlParams, type SqlQuery } from './sql-query';

/**
 * Handoff completion = contacted / routed; SLA attainment = contacted within the SLA / routed,
 * over the window's routed leads (see ROUTED and contactedWithinSla).
 */
export function handoffCompletionQuery(
  scope: LeadScope,
  window: MetricsWindow,
  defaultSlaMinutes: number,
): SqlQuery {
  const p = new SqlParams();
  const s = scopedLeads(scope, p, [...receivedInWindow(window, p), ROUTED]);
  const withinSla = contactedWithinSla(p.add(defaultSlaMinutes, 'int'));
  return {
    text: `SELECT ${s.keys}, count(*)::int AS routed,
  count(l.first_contact_at)::int AS contacted,
  count(*) FILTER (WHERE ${withinSla})::int AS contacted_within_sla
FROM leads l
WHERE ${s.where}
${s.groupBy()}`,
    values: p.values,
  };
}

export interface HandoffCompletionRow extends ScopedRow {
  routed: number;
  contacted: number;
  contacted_within_sla: number;
}
