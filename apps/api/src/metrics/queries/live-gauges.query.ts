import { AWAITING_CONTACT } from './lead-definitions.sql';
import { SqlParams, type SqlQuery } from './sql-query';

/**
 * What Prometheus sees on a scrape: leads waiting for contact (AWAITING_CONTACT; the partial index
 * leads_awaiting_contact_idx makes this an index-only count), those past their SLA deadline, the
 * oldest one's age, and the workflow start backlog (workflow_starts rows, small by design) with
 * its oldest marker's age.
 */
export function liveGaugesQuery(asOf: Date): SqlQuery {
  const p = new SqlParams();
  const now = p.add(asOf.toISOString(), 'timestamptz');
  return {
    text: `SELECT w.awaiting, w.sla_breached, date_part('epoch', ${now} - w.oldest) AS oldest_awaiting,
  s.backlog, date_part('epoch', ${now} - s.oldest) AS oldest_start
FROM (
  SELECT count(*)::int AS awaiting, count(*) FILTER (WHERE l.sla_due_at < ${now})::int AS sla_breached,
    min(l.received_at) AS oldest
  FROM leads l WHERE ${AWAITING_CONTACT}
) w, (
  SELECT count(*)::int AS backlog, min(created_at) AS oldest FROM workflow_starts
) s`,
    values: p.values,
  };
}

export interface LiveGaugesRow {
  awaiting: number;
  sla_breached: number;
  oldest_awaiting: number | null;
  backlog: number;
  oldest_start: number | null;
}
