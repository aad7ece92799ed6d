import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * People's corrections of a lead's qualification: labels that `eval:qualify` measures models
 * against. Each keeps the qualification it corrected (jsonb), since the lead's own may change.
 *
 * Erasing a lead erases its labels (they quote its qualification). A person who corrected a lead
 * has a `qualification_corrected` event as its actor, so people/user-write keeps them (deactivates
 * rather than deletes); RESTRICT makes sure a label never loses who made it.
 * The index serves "the latest correction of each lead" (lead page, labels query).
 */
export class QualificationCorrections1764000000004 implements MigrationInterface {
  name = 'QualificationCorrections1764000000004';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE qualification_corrections (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        lead_id uuid NOT NULL REFERENCES leads(id) ON DELETE CASCADE,
        corrected_by_id uuid NOT NULL REFERENCES users(id) ON DELETE RESTRICT,
        class text NOT NULL CHECK (class IN ('hot', 'warm', 'cold', 'spam')),
        note text CHECK (char_length(note) <= 500),
        qualification jsonb,
        idempotency_key text,
        created_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX qualification_corrections_lead_idx
        ON qualification_corrections (lead_id, created_at DESC);
      -- A retried POST (same person, lead and Idempotency-Key) finds the label it stored.
      CREATE UNIQUE INDEX qualification_corrections_idempotency_uq
        ON qualification_corrections (lead_id, corrected_by_id, idempotency_key)
        WHERE idempotency_key IS NOT NULL;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE qualification_corrections`);
  }
}
