import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Archiving a flow puts it away without deleting it: its versions stay (leads pinned to them
 * finish on them), it leaves the flow list's main table, and no source may be pointed at it.
 * Who archived it is in the audit log; the column only says since when.
 */
export class FlowArchive1764000000006 implements MigrationInterface {
  name = 'FlowArchive1764000000006';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE flows ADD COLUMN archived_at timestamptz`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE flows DROP COLUMN archived_at`);
  }
}
