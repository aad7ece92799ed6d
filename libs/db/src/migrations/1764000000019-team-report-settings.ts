import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * When each team's managers get the weekly handoff report: a weekday (ISO, 1 = Monday), a local
 * time and the IANA zone it is read in. One row per team; no row means no report.
 */
export class TeamReportSettings1764000000019 implements MigrationInterface {
  name = 'TeamReportSettings1764000000019';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE team_report_settings (
        team_id uuid PRIMARY KEY REFERENCES teams(id) ON DELETE CASCADE,
        enabled boolean NOT NULL DEFAULT true,
        weekday smallint NOT NULL CHECK (weekday BETWEEN 1 AND 7),
        send_time text NOT NULL CHECK (send_time ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$'),
        time_zone text NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now()
      )
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE team_report_settings`);
  }
}
