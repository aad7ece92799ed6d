import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Marks the demo's sample history: leads the seed generated (with their events) so the dashboard
 * has something to show on the first start. Only they carry `sample = true`, so removing the
 * sample data is one DELETE that cannot reach a real lead (events, alerts and corrections cascade).
 */
export class SampleLeads1764000000014 implements MigrationInterface {
  name = 'SampleLeads1764000000014';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE leads ADD COLUMN sample boolean NOT NULL DEFAULT false`);
    // Small and partial: counting and removing the sample rows never scans the real leads.
    await q.query(`CREATE INDEX leads_sample_idx ON leads (id) WHERE sample`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX leads_sample_idx`);
    await q.query(`ALTER TABLE leads DROP COLUMN sample`);
  }
}
