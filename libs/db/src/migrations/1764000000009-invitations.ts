import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * One-time invitation links. One row per person (re-sending replaces the token), only the sha256
 * of the token is stored, and an accepted row is kept so a reused link can say "already used".
 */
export class Invitations1764000000009 implements MigrationInterface {
  name = 'Invitations1764000000009';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE invitations (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL UNIQUE REFERENCES users(id) ON DELETE CASCADE,
        token_hash text NOT NULL UNIQUE,
        invited_by_id uuid REFERENCES users(id) ON DELETE SET NULL,
        expires_at timestamptz NOT NULL,
        accepted_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now()
      )
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE invitations`);
  }
}
