import { responseBuckets } from '@baton/api-contract';
import { NOT_SPAM_LEAD } from '../../leads/lead-spam.sql';
import { AWAITING_CONTACT, bucketOrdinal } from './lead-definitions.sql';
import { GROUPABLE_COLUMNS, type LeadScope, type ScopedRow, scopedLeads } from './lead-scope.sql';
import { SqlParams, type SqlQuery } from './sql-query';

/**
 * Lead aging = asOf − received_at for leads waiting for contact (AWAITING_CONTACT): how many, how
 * many past their SLA deadline, the oldest, the median (continuous) and the count per age bucket
 * (the response-time bucket bounds, half-open). Served by leads_awaiting_contact_idx.
 */
export function leadAgingQuery(scope: LeadScope, asOf: Date): SqlQuery {
  const p = new SqlParams();
  const now = p.add(asOf.toISOString(), 'timestamptz');
  const s = scopedLeads(scope, p, [AWAITING_CONTACT, NOT_SPAM_LEAD]);
  const buckets = responseBuckets.map(
    (_, i) => `count(*) FILTER (WHERE ${bucketOrdinal('l.age')} = ${i})::int AS bucket_${i}`,
  );
  return {
    text: `SELECT ${s.keys}, count(*)::int AS waiting,
  count(*) FILTER (WHERE l.sla_due_at < ${now})::int AS past_sla,
  max(l.age) AS oldest, percentile_cont(0.5) WITHIN GROUP (ORDER BY l.age) AS median,
  ${buckets.join(',\n  ')}
FROM (
  SELECT ${GROUPABLE_COLUMNS}, l.sla_due_at, date_part('epoch', ${now} - l.received_at) AS age
  FROM leads l
  WHERE ${s.where}
) l
${s.groupBy()}`,
    values: p.values,
  };
}

export interface LeadAgingRow extends ScopedRow {
  waiting: number;
  past_sla: number;
  oldest: number | null;
  median: number | null;
  [bucket: `bucket_${number}`]: number;
}
