import type { MigrationInterface, QueryRunner } from 'typeorm';

export class InitialSchema1764000000000 implements MigrationInterface {
  name = 'InitialSchema1764000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE schedules (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text NOT NULL,
        time_zone text NOT NULL,
        weekly jsonb NOT NULL,
        holidays jsonb NOT NULL DEFAULT '[]',
        created_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE TABLE users (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        email text NOT NULL UNIQUE CHECK (email = lower(email)),
        name text NOT NULL,
        role text NOT NULL CHECK (role IN ('admin', 'manager', 'rep')),
        password_hash text,
        status text NOT NULL DEFAULT 'available' CHECK (status IN ('available', 'away')),
        out_of_office_until timestamptz,
        capacity int CHECK (capacity IS NULL OR capacity >= 0),
        weight int NOT NULL DEFAULT 1 CHECK (weight >= 0),
        skills text[] NOT NULL DEFAULT '{}',
        territories text[] NOT NULL DEFAULT '{}',
        schedule_id uuid REFERENCES schedules(id) ON DELETE SET NULL,
        flagged_at timestamptz,
        flag_reason text,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE TABLE teams (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text NOT NULL UNIQUE,
        manager_id uuid REFERENCES users(id) ON DELETE SET NULL,
        schedule_id uuid REFERENCES schedules(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE TABLE team_members (
        team_id uuid NOT NULL REFERENCES teams(id) ON DELETE CASCADE,
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        PRIMARY KEY (team_id, user_id)
      );
      CREATE INDEX team_members_user_idx ON team_members (user_id);
      CREATE TABLE flows (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text NOT NULL,
        description text NOT NULL DEFAULT '',
        draft_graph jsonb NOT NULL,
        published_version_id uuid,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE TABLE flow_versions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        flow_id uuid NOT NULL REFERENCES flows(id) ON DELETE RESTRICT,
        version int NOT NULL,
        graph jsonb NOT NULL,
        published_by_id uuid REFERENCES users(id) ON DELETE SET NULL,
        published_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (flow_id, version)
      );
      ALTER TABLE flows ADD CONSTRAINT flows_published_version_fk
        FOREIGN KEY (published_version_id) REFERENCES flow_versions(id) ON DELETE SET NULL;
      CREATE TABLE sources (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        slug text NOT NULL UNIQUE CHECK (slug ~ '^[a-z0-9][a-z0-9-]{0,62}$'),
        name text NOT NULL,
        api_key_hash text NOT NULL UNIQUE,
        api_key_prefix text NOT NULL,
        allowed_origins text[] NOT NULL DEFAULT '{}',
        thank_you_url text,
        flow_id uuid REFERENCES flows(id) ON DELETE SET NULL,
        active boolean NOT NULL DEFAULT true,
        created_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE TABLE leads (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        source_id uuid NOT NULL REFERENCES sources(id) ON DELETE RESTRICT,
        external_id text,
        name text NOT NULL,
        email text,
        phone text,
        company text,
        message text,
        custom_fields jsonb NOT NULL DEFAULT '{}',
        context jsonb NOT NULL DEFAULT '{}',
        received_at timestamptz NOT NULL,
        status text NOT NULL DEFAULT 'new',
        owner_id uuid REFERENCES users(id) ON DELETE SET NULL,
        team_id uuid REFERENCES teams(id) ON DELETE SET NULL,
        flow_version_id uuid REFERENCES flow_versions(id) ON DELETE RESTRICT,
        qualification jsonb,
        first_response_at timestamptz,
        assigned_at timestamptz,
        first_contact_at timestamptz,
        sla_due_at timestamptz,
        workflow_started_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      );
      -- Duplicates by source + external id fold into the first lead.
      CREATE UNIQUE INDEX leads_source_external_uq ON leads (source_id, external_id) WHERE external_id IS NOT NULL;
      -- Inbox: newest first, keyset pagination on (received_at, id).
      CREATE INDEX leads_received_idx ON leads (received_at DESC, id DESC);
      CREATE INDEX leads_status_received_idx ON leads (status, received_at DESC);
      CREATE INDEX leads_owner_status_idx ON leads (owner_id, status);
      CREATE TABLE lead_events (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        lead_id uuid NOT NULL REFERENCES leads(id) ON DELETE CASCADE,
        type text NOT NULL,
        step_id text,
        actor_type text NOT NULL CHECK (actor_type IN ('system', 'user', 'source')),
        actor_id uuid,
        data jsonb NOT NULL DEFAULT '{}',
        occurred_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX lead_events_lead_idx ON lead_events (lead_id, id);
      -- A retried workflow step never writes its event twice.
      CREATE UNIQUE INDEX lead_events_step_uq ON lead_events (lead_id, step_id, type) WHERE step_id IS NOT NULL;
      CREATE TABLE workflow_starts (
        lead_id uuid PRIMARY KEY REFERENCES leads(id) ON DELETE CASCADE,
        attempts int NOT NULL DEFAULT 0,
        last_error text,
        next_attempt_at timestamptz NOT NULL DEFAULT now(),
        created_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX workflow_starts_due_idx ON workflow_starts (next_attempt_at);
      CREATE TABLE sessions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        token_hash text NOT NULL UNIQUE,
        csrf_token text NOT NULL,
        expires_at timestamptz NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX sessions_user_idx ON sessions (user_id);
      CREATE TABLE idempotency_keys (
        source_id uuid NOT NULL REFERENCES sources(id) ON DELETE CASCADE,
        key text NOT NULL,
        request_hash text NOT NULL,
        response_status int NOT NULL,
        response_body jsonb NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (source_id, key)
      );
      CREATE TABLE notifications (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        lead_id uuid REFERENCES leads(id) ON DELETE CASCADE,
        step_id text,
        kind text NOT NULL,
        title text NOT NULL,
        body text NOT NULL DEFAULT '',
        acknowledged_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX notifications_open_idx ON notifications (user_id, created_at DESC) WHERE acknowledged_at IS NULL;
      CREATE UNIQUE INDEX notifications_step_uq ON notifications (lead_id, step_id, user_id) WHERE step_id IS NOT NULL;
      CREATE TABLE audit_log (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        actor_id uuid REFERENCES users(id) ON DELETE SET NULL,
        action text NOT NULL,
        entity_type text NOT NULL,
        entity_id text NOT NULL,
        before jsonb,
        after jsonb,
        at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX audit_log_entity_idx ON audit_log (entity_type, entity_id, at DESC);
      CREATE TABLE assignment_cursors (
        pool_key text PRIMARY KEY,
        counts jsonb NOT NULL DEFAULT '{}',
        position int NOT NULL DEFAULT 0
      );
      CREATE TABLE settings (
        key text PRIMARY KEY,
        value jsonb NOT NULL
      );
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP TABLE settings, assignment_cursors, audit_log, notifications, idempotency_keys, sessions,
        workflow_starts, lead_events, leads, sources;
      ALTER TABLE flows DROP CONSTRAINT flows_published_version_fk;
      DROP TABLE flow_versions, flows, team_members, teams, users, schedules;
    `);
  }
}
