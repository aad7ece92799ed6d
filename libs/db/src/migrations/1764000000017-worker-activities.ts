import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The plugin activities workers can run, upserted by each worker at start: the builder's
 * palette and form come from here, and publishing checks a flow's custom steps against it.
 * Published flow versions record which plugin versions they were built with.
 */
export class WorkerActivities1764000000017 implements MigrationInterface {
  name = 'WorkerActivities1764000000017';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE worker_activities (
        name text PRIMARY KEY,
        version text NOT NULL,
        title text NOT NULL,
        description text NOT NULL,
        category text NOT NULL,
        handles text[] NOT NULL,
        input_schema jsonb NOT NULL,
        output_schema jsonb NOT NULL,
        plugin_name text NOT NULL,
        plugin_version text NOT NULL,
        last_seen_at timestamptz NOT NULL DEFAULT now()
      )
    `);
    await q.query(`ALTER TABLE flow_versions ADD COLUMN plugin_versions jsonb`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE flow_versions DROP COLUMN plugin_versions`);
    await q.query(`DROP TABLE worker_activities`);
  }
}
