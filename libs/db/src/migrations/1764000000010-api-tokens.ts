import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Personal API tokens. Only the sha256 of the secret is kept (it is 32 random bytes, so a fast hash
 * is enough and the lookup by hash stays indexed). A deleted person's tokens go with them; a
 * deactivated person's are revoked by people/user-write, which keeps the row for the audit trail.
 */
export class ApiTokens1764000000010 implements MigrationInterface {
  name = 'ApiTokens1764000000010';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE api_tokens (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        name text NOT NULL CHECK (char_length(name) BETWEEN 1 AND 100),
        token_hash text NOT NULL UNIQUE,
        token_prefix text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz CHECK (expires_at IS NULL OR expires_at > created_at),
        last_used_at timestamptz,
        revoked_at timestamptz,
        revoked_by_id uuid REFERENCES users(id) ON DELETE SET NULL
      );
      CREATE INDEX api_tokens_user_idx ON api_tokens (user_id, created_at DESC);
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE api_tokens`);
  }
}
