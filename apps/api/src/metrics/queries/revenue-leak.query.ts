import { CONVERTED, NEVER_BUCKET, ROUTED, SPEED_TO_LEAD_BUCKET } from './lead-definitions.sql';
import {
  GROUPABLE_COLUMNS,
  type LeadScope,
  type MetricsWindow,
  receivedInWindow,
  type ScopedRow,
  scopedLeads,
} from './lead-scope.sql';
import { SqlParams, type SqlQuery } from './sql-query';

/**
 * Revenue leak, per row (total / group) and split by after-hours:
 *
 *   sum over the row's routed leads slower than the reference bucket (contacted later, or never)
 *   of max(0, rate(reference bucket) − rate(the lead's bucket)) × average deal value
 *
 * rate(b) = converted / leads of bucket b within the same row (CONVERTED, SPEED_TO_LEAD_BUCKET);
 * the reference bucket is the row's fastest bucket with any routed lead (normally <1 min). With no
 * contacted lead at all there is no reference: every routed lead counts as leaking, amount 0.
 *
 * `openings` is a tstzmultirange literal of the default schedule's openings over the window
 * (see after-hours.ts), or null when there is no default schedule (nothing is after hours).
 */
export function revenueLeakQuery(
  scope: LeadScope,
  window: MetricsWindow,
  averageDealValue: number,
  openings: string | null,
): SqlQuery {
  const p = new SqlParams();
  const s = scopedLeads(scope, p, [...receivedInWindow(window, p), ROUTED]);
  const afterHours =
    openings === null ? 'false' : `NOT (l.received_at <@ ${p.add(openings, 'tstzmultirange')})`;
  const deal = p.add(averageDealValue, 'float8');
  return {
    text: `WITH routed_leads AS (
  SELECT ${GROUPABLE_COLUMNS}, ${SPEED_TO_LEAD_BUCKET} AS bucket, ${CONVERTED} AS converted,
    ${afterHours} AS after_hours
  FROM leads l
  WHERE ${s.where}
), cells AS (
  SELECT ${s.keys}, l.bucket, l.after_hours, count(*)::int AS leads,
    count(*) FILTER (WHERE l.converted)::int AS converted
  FROM routed_leads l
  ${s.groupBy(['l.bucket', 'l.after_hours'])}
), rated AS (
  SELECT cells.*, (sum(converted) OVER same_bucket)::float8 / (sum(leads) OVER same_bucket) AS rate
  FROM cells WINDOW same_bucket AS (PARTITION BY is_total, group_id, bucket)
), referenced AS (
  SELECT rated.*, first_value(bucket) OVER by_speed AS ref_bucket,
    first_value(rate) OVER by_speed AS ref_rate
  FROM rated WINDOW by_speed AS (PARTITION BY is_total, group_id ORDER BY bucket)
)
SELECT is_total, group_id, after_hours,
  nullif(ref_bucket, ${NEVER_BUCKET}) AS reference_bucket,
  CASE WHEN ref_bucket <> ${NEVER_BUCKET} THEN ref_rate END AS reference_rate,
  coalesce(sum(leads) FILTER (WHERE bucket > ref_bucket OR ref_bucket = ${NEVER_BUCKET}), 0)::int AS leads,
  coalesce(sum(leads * greatest(0, ref_rate - rate)) FILTER (WHERE bucket > ref_bucket), 0) * ${deal} AS amount
FROM referenced
GROUP BY is_total, group_id, after_hours, ref_bucket, ref_rate`,
    values: p.values,
  };
}

export interface RevenueLeakRow extends ScopedRow {
  after_hours: boolean;
  reference_bucket: number | null;
  reference_rate: number | null;
  leads: number;
  amount: number;
}
