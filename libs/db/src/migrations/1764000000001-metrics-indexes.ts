import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Indexes for the speed-to-lead metrics (apps/api/src/metrics/queries). The INCLUDE columns make
 * lead updates that touch them non-HOT; leads are updated a handful of times in their life, so
 * that is cheap next to the dashboard's reads.
 *
 * Built CONCURRENTLY so a live install keeps taking leads while they build; that cannot run
 * inside a transaction, hence `transaction = false` and one statement per query. A build that
 * failed half-way leaves an INVALID index behind, so each is dropped (if there) before it is
 * created.
 */
const indexes: { name: string; definition: string }[] = [
  {
    // The handoff window: every query of GET /api/v1/metrics/handoff (speed-to-lead durations,
    // handoff completion / SLA attainment, conversion by response-time bucket, revenue leak)
    // scans `received_at >= from AND received_at < to AND status <> 'spam'` and reads only these
    // columns (id for the ROUTED events probe), so the scan is index-only where the visibility
    // map allows. (leads_received_idx (received_at DESC, id DESC) serves the inbox's keyset
    // paging and needs a heap visit per lead.)
    name: 'leads_metrics_window_idx',
    definition: `ON leads (received_at) INCLUDE (id, status, owner_id, team_id, source_id,
      first_response_at, assigned_at, first_contact_at, sla_due_at)`,
  },
  {
    // A rep's own figures (the server forces owner_id = the rep) over the handoff window: owner
    // first, then the window, so a rep's dashboard reads only their own leads.
    name: 'leads_metrics_owner_window_idx',
    definition: `ON leads (owner_id, received_at) INCLUDE (id, status, team_id, source_id,
      first_response_at, assigned_at, first_contact_at, sla_due_at)`,
  },
  {
    // Leads waiting for contact (AWAITING_CONTACT, same predicate): GET /api/v1/metrics/aging and
    // the Prometheus gauges baton_leads_awaiting_contact / _sla_breached / _oldest_…, which run
    // on every scrape. Small: only open, uncontacted leads are in it.
    name: 'leads_awaiting_contact_idx',
    definition: `ON leads (received_at) INCLUDE (sla_due_at, owner_id, team_id, source_id)
      WHERE status IN ('new', 'routed', 'assigned', 'unhandled') AND first_contact_at IS NULL`,
  },
  {
    // "Routed" (ROUTED) in handoff completion, conversion and revenue leak: a lead without an
    // owner still counts when it ended unhandled or an assign step found nobody. Only those
    // events are in this index: the planner reads it once (index-only) into a hashed subplan
    // instead of scanning all of lead_events for every query.
    name: 'lead_events_handoff_outcome_idx',
    definition: `ON lead_events (lead_id)
      WHERE type = 'unhandled' OR (type = 'routed' AND data ->> 'handle' = 'nobody')`,
  },
];

export class MetricsIndexes1764000000001 implements MigrationInterface {
  name = 'MetricsIndexes1764000000001';
  transaction = false;

  async up(q: QueryRunner): Promise<void> {
    for (const { name, definition } of indexes) {
      await q.query(`DROP INDEX CONCURRENTLY IF EXISTS ${name}`);
      await q.query(`CREATE INDEX CONCURRENTLY ${name} ${definition}`);
    }
  }

  // Plain DROP INDEX: TypeORM's undoLastMigration wraps down() in a transaction whatever
  // `transaction` says, and dropping is quick anyway.
  async down(q: QueryRunner): Promise<void> {
    for (const { name } of [...indexes].reverse()) {
      await q.query(`DROP INDEX IF EXISTS ${name}`);
    }
  }
}
