import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Token buckets shared by every API replica (source intake, public forms per address, password
 * guesses), so N replicas do not allow N times the limit.
 *
 * `tokens` is the bucket's level at `updated_at`; the refill since then (`per_second`, up to
 * `capacity`, both as of the last check) is computed on the next check, in the same statement,
 * with the database clock (replicas' clocks may disagree).
 * `allowed` is the outcome of the last check, returned by that check's upsert. `full_at` is when
 * the bucket will be full again: from then on the row says nothing a missing row would not, so
 * the API deletes such rows (hence the index) and the table stays bounded.
 */
export class RateLimitBuckets1764000000003 implements MigrationInterface {
  name = 'RateLimitBuckets1764000000003';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE rate_limit_buckets (
        key text PRIMARY KEY,
        tokens double precision NOT NULL,
        capacity double precision NOT NULL CHECK (capacity > 0),
        per_second double precision NOT NULL CHECK (per_second > 0),
        allowed boolean NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now(),
        full_at timestamptz NOT NULL
      );
      CREATE INDEX rate_limit_buckets_full_at_idx ON rate_limit_buckets (full_at);
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE rate_limit_buckets`);
  }
}
