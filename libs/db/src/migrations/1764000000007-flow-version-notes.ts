import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The note a person gave when publishing, kept on the version itself so the history can show it
 * (it was in the publish audit entry only). Versions published before keep theirs from there.
 */
export class FlowVersionNotes1764000000007 implements MigrationInterface {
  name = 'FlowVersionNotes1764000000007';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE flow_versions ADD COLUMN note text`);
    await q.query(`
      UPDATE flow_versions v SET note = a.after->>'note'
      FROM audit_log a
      WHERE a.action = 'flow.publish' AND a.entity_type = 'flow'
        AND a.after->>'publishedVersionId' = v.id::text AND a.after ? 'note'
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE flow_versions DROP COLUMN note`);
  }
}
