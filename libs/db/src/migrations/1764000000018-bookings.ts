import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Meetings with a lead: booked by a flow's book step, marked by a person for a meeting set up
 * elsewhere, or picked by the lead from a link. A lead has at most one active (not cancelled)
 * booking; step_id makes a retried workflow step insert once.
 */
export class Bookings1764000000018 implements MigrationInterface {
  name = 'Bookings1764000000018';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE bookings (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        lead_id uuid NOT NULL REFERENCES leads(id) ON DELETE CASCADE,
        owner_id uuid REFERENCES users(id) ON DELETE SET NULL,
        starts_at timestamptz NOT NULL,
        ends_at timestamptz NOT NULL,
        title text NOT NULL,
        status text NOT NULL DEFAULT 'confirmed' CHECK (status IN ('confirmed', 'cancelled')),
        source text NOT NULL CHECK (source IN ('flow', 'manual', 'link')),
        step_id text,
        note text,
        created_at timestamptz NOT NULL DEFAULT now(),
        CHECK (ends_at > starts_at)
      )
    `);
    await q.query(
      `CREATE UNIQUE INDEX bookings_lead_active_uq ON bookings (lead_id) WHERE status <> 'cancelled'`,
    );
    // The slot finder reads an owner's upcoming meetings.
    await q.query(
      `CREATE INDEX bookings_owner_starts_idx ON bookings (owner_id, starts_at) WHERE status <> 'cancelled'`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE bookings`);
  }
}
