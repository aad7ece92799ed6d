import { CONVERTED, ROUTED, SPEED_TO_LEAD_BUCKET } from './lead-definitions.sql';
import {
  type LeadScope,
  type MetricsWindow,
  receivedInWindow,
  type ScopedRow,
  scopedLeads,
} from './lead-scope.sql';
import { SqlParams, type SqlQuery } from './sql-query';

/**
 * Conversion by response-time bucket: the window's routed leads by speed-to-lead bucket
 * (SPEED_TO_LEAD_BUCKET, `never` without contact), with how many converted (CONVERTED).
 * Only non-empty buckets come back; the service fills in the rest.
 */
export function conversionByResponseTimeQuery(scope: LeadScope, window: MetricsWindow): SqlQuery {
  const p = new SqlParams();
  const s = scopedLeads(scope, p, [...receivedInWindow(window, p), ROUTED]);
  return {
    text: `SELECT ${s.keys}, ${SPEED_TO_LEAD_BUCKET} AS bucket, count(*)::int AS leads,
  count(*) FILTER (WHERE ${CONVERTED})::int AS converted
FROM leads l
WHERE ${s.where}
${s.groupBy([SPEED_TO_LEAD_BUCKET])}`,
    values: p.values,
  };
}

export interface ConversionRow extends ScopedRow {
  bucket: number;
  leads: number;
  converted: number;
}
