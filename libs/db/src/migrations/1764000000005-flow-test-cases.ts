import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A flow's saved test cases: an example lead (`input`, the simulate request) and what must happen
 * to it (`expected`). They belong to the flow, not to a version: publish runs them against the
 * draft. Deleting the flow deletes them; a deleted person leaves cases nobody-created.
 * Names are unique per flow, ignoring case, so a run's report names each case unambiguously.
 */
export class FlowTestCases1764000000005 implements MigrationInterface {
  name = 'FlowTestCases1764000000005';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE flow_test_cases (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        flow_id uuid NOT NULL REFERENCES flows(id) ON DELETE CASCADE,
        name text NOT NULL CHECK (char_length(name) BETWEEN 1 AND 200),
        position int NOT NULL DEFAULT 0 CHECK (position >= 0),
        input jsonb NOT NULL,
        expected jsonb NOT NULL,
        created_by_id uuid REFERENCES users(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE UNIQUE INDEX flow_test_cases_name_uq ON flow_test_cases (flow_id, lower(name));
      CREATE INDEX flow_test_cases_flow_idx ON flow_test_cases (flow_id, position, created_at);
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE flow_test_cases`);
  }
}
