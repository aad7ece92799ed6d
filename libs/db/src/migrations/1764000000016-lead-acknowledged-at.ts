import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * When someone first took responsibility for a lead (its first claim, or its owner's explicit
 * acknowledge), for the time-to-acknowledge metric. Leads claimed before keep their first claim.
 */
export class LeadAcknowledgedAt1764000000016 implements MigrationInterface {
  name = 'LeadAcknowledgedAt1764000000016';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE leads ADD COLUMN acknowledged_at timestamptz`);
    await q.query(`
      UPDATE leads l SET acknowledged_at = c.at
      FROM (SELECT lead_id, min(occurred_at) AS at FROM lead_events WHERE type = 'claimed' GROUP BY lead_id) c
      WHERE c.lead_id = l.id
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE leads DROP COLUMN acknowledged_at`);
  }
}
