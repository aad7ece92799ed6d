import type { DurationStats } from '@baton/api-contract';
import { secondsSinceReceived } from './lead-definitions.sql';
import {
  type LeadScope,
  type MetricsWindow,
  receivedInWindow,
  scopedLeads,
} from './lead-scope.sql';
import { SqlParams, type SqlQuery } from './sql-query';

/**
 * The durations from a lead's arrival, each the column minus received_at:
 * - speed to lead: first_contact_at (first human contact),
 * - first response: first_response_at (first message to the lead; an auto-reply counts),
 * - time to assign: assigned_at,
 * - time to acknowledge: acknowledged_at (first claim, or the owner's explicit acknowledge).
 * Leads without the end timestamp are left out of that duration (and counted in `leads` only).
 */
export const leadDurations = {
  speedToLead: 'l.first_contact_at',
  firstResponse: 'l.first_response_at',
  timeToAssign: 'l.assigned_at',
  timeToAcknowledge: 'l.acknowledged_at',
} as const;
export type LeadDuration = keyof typeof leadDurations;

/**
 * Per row: leads received in the window and, per duration, count, median, p90 (continuous
 * percentiles: linear interpolation between the two nearest values) and average, in seconds.
 */
export function speedToLeadQuery(scope: LeadScope, window: MetricsWindow): SqlQuery {
  const p = new SqlParams();
  const s = scopedLeads(scope, p, receivedInWindow(window, p));
  const columns = Object.entries(leadDurations).flatMap(([name, end]) => {
    const seconds = secondsSinceReceived(end);
    return [
      `count(${end})::int AS "${name}_count"`,
      `percentile_cont(0.5) WITHIN GROUP (ORDER BY ${seconds}) AS "${name}_median"`,
      `percentile_cont(0.9) WITHIN GROUP (ORDER BY ${seconds}) AS "${name}_p90"`,
      `avg(${seconds}) AS "${name}_avg"`,
    ];
  });
  return {
    text: `SELECT ${s.keys}, count(*)::int AS leads,
  ${columns.join(',\n  ')}
FROM leads l
WHERE ${s.where}
${s.groupBy()}`,
    values: p.values,
  };
}

/** Seconds to the millisecond (timestamps are microseconds; nobody needs those here). */
export const roundSeconds = (v: number | null): number | null =>
  v === null ? null : Math.round(v * 1000) / 1000;

/** A row of speedToLeadQuery (or {} for a row without leads) as the API's figures. */
export function readDurations(
  row: Record<string, unknown>,
): { leads: number } & Record<LeadDuration, DurationStats> {
  const stats = (name: LeadDuration): DurationStats => ({
    count: (row[`${name}_count`] as number | undefined) ?? 0,
    medianSeconds: roundSeconds((row[`${name}_median`] as number | null | undefined) ?? null),
    p90Seconds: roundSeconds((row[`${name}_p90`] as number | null | undefined) ?? null),
    averageSeconds: roundSeconds((row[`${name}_avg`] as number | null | undefined) ?? null),
  });
  return {
    leads: (row['leads'] as number | undefined) ?? 0,
    speedToLead: stats('speedToLead'),
    firstResponse: stats('firstResponse'),
    timeToAssign: stats('timeToAssign'),
    timeToAcknowledge: stats('timeToAcknowledge'),
  };
}
