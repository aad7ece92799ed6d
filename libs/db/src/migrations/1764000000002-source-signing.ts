import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Optional HMAC request signing for server-to-server sources (POST /api/v1/leads).
 *
 * No secret is stored: a source's signing secret is derived from the BATON_SIGNING_KEY
 * environment variable, the source id and `signing_key_version` (bumped on enable and rotate,
 * which is what makes an old secret stop working).
 *
 * `request_signatures_seen` holds the signatures accepted in the last few minutes, so a captured
 * signed request cannot be sent again while its timestamp is still inside the tolerance window;
 * older rows are purged by the API (hence the index on seen_at). A table, not memory, so every
 * API replica sees the same signatures.
 */
export class SourceSigning1764000000002 implements MigrationInterface {
  name = 'SourceSigning1764000000002';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE sources
        ADD COLUMN signature_required boolean NOT NULL DEFAULT false,
        ADD COLUMN signing_key_version int NOT NULL DEFAULT 0 CHECK (signing_key_version >= 0);
      CREATE TABLE request_signatures_seen (
        source_id uuid NOT NULL REFERENCES sources(id) ON DELETE CASCADE,
        signature text NOT NULL,
        seen_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (source_id, signature)
      );
      CREATE INDEX request_signatures_seen_at_idx ON request_signatures_seen (seen_at);
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP TABLE request_signatures_seen;
      ALTER TABLE sources DROP COLUMN signing_key_version, DROP COLUMN signature_required;
    `);
  }
}
