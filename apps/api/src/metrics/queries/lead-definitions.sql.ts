import { responseBuckets } from '@baton/api-contract';

// The metric definitions the query builders share, each written once. They read the lead as `l`.

/**
 * Seconds from a lead's arrival to `column` (null when the column is). date_part, not extract:
 * extract returns numeric, which made the aggregates twice as slow on a year of leads.
 */
export const secondsSinceReceived = (column: string) =>
  `date_part('epoch', ${column} - l.received_at)`;

/**
 * A lead was handed off ("routed") when the engine reached an outcome for it: it got an owner
 * (assigned_at is set by assign, claim and contact alike), it ended unhandled, or an assign step
 * found nobody (a `routed` event leaving by the `nobody` handle). Leads still in their flow, and
 * leads the flow ended (spam, disqualified) before any assignment, are not routed.
 *
 * The events test is served by lead_events_handoff_outcome_idx (a partial index with this exact
 * predicate, so keep the two in step): PostgreSQL reads it once into a hashed subplan.
 */
export const ROUTED = `(l.assigned_at IS NOT NULL OR l.status = 'unhandled' OR EXISTS (
    SELECT 1 FROM lead_events e
    WHERE e.lead_id = l.id AND (e.type = 'unhandled' OR (e.type = 'routed' AND e.data ->> 'handle' = 'nobody'))))`;

/** Converted = the lead is booked (the one conversion signal the engine itself records). */
export const CONVERTED = `(l.status = 'booked')`;

/**
 * Contacted within the SLA: first contact at or before sla_due_at, or, for a lead whose flow set
 * no deadline, at or before received_at + the default SLA (`defaultSlaMinutes` placeholder).
 */
export const contactedWithinSla = (defaultSlaMinutes: string) =>
  `(l.first_contact_at <= coalesce(l.sla_due_at, l.received_at + make_interval(mins => ${defaultSlaMinutes})))`;

/**
 * Waiting for contact: open (new, routed, assigned or unhandled) with no first contact yet. Used
 * verbatim so that leads_awaiting_contact_idx (same predicate) serves it.
 */
export const AWAITING_CONTACT = `(l.status IN ('new', 'routed', 'assigned', 'unhandled') AND l.first_contact_at IS NULL)`;

/** Ordinal of the `never` bucket: one past the timed buckets. */
export const NEVER_BUCKET = responseBuckets.length;

/**
 * The response-bucket ordinal (index into responseBuckets) of a duration in seconds. Buckets are
 * half-open [from, to): exactly 60 s is in 1-5 min. A negative duration (clock skew) counts as the
 * fastest bucket.
 */
export function bucketOrdinal(secondsSql: string): string {
  const whens = responseBuckets
    .map((b, i) => (b.toSeconds === null ? null : `WHEN ${secondsSql} < ${b.toSeconds} THEN ${i}`))
    .filter((w): w is string => w !== null);
  return `(CASE ${whens.join(' ')} ELSE ${responseBuckets.length - 1} END)`;
}

/** Speed-to-lead bucket of a lead: its timed bucket, or `never` without a first contact. */
export const SPEED_TO_LEAD_BUCKET = `(CASE WHEN l.first_contact_at IS NULL THEN ${NEVER_BUCKET} ELSE ${bucketOrdinal(
  secondsSinceReceived('l.first_contact_at'),
)} END)`;
