import { type EntityManager, LEAD_CHANGED_CHANNEL } from '@baton/db';
import type { LeadEventType } from '@baton/api-contract';
import { storableJson } from '@baton/text';

type Queryable = Pick<EntityManager, 'query'>;

export interface NewLeadEvent {
  leadId: string;
  type: LeadEventType;
  stepId: string;
  data?: Record<string, unknown>;
  actorType?: 'system' | 'user';
  actorId?: string | null;
}

/**
 * Appends a timeline event unless this step already wrote one of this type (a retried activity),
 * and tells live listeners. Returns whether it was written. The data is made storable first:
 * it carries derived text (model answers, SMTP and HTTP replies) that a database refusal must
 * never turn into a step that fails on every retry.
 */
export async function appendLeadEvent(db: Queryable, e: NewLeadEvent): Promise<boolean> {
  const rows: unknown[] = await db.query(
    `WITH inserted AS (
       INSERT INTO lead_events (lead_id, type, step_id, actor_type, actor_id, data)
       VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (lead_id, step_id, type) WHERE step_id IS NOT NULL DO NOTHING
       RETURNING id
     )
     SELECT id, pg_notify($7, $1::text) FROM inserted`,
    [
      e.leadId,
      e.type,
      e.stepId,
      e.actorType ?? 'system',
      e.actorId ?? null,
      JSON.stringify(storableJson(e.data ?? {})),
      LEAD_CHANGED_CHANNEL,
    ],
  );
  return rows.length > 0;
}

/** The event a step already wrote (of any of these types), for replaying an activity's answer. */
export async function findStepEvent(
  db: Queryable,
  leadId: string,
  stepId: string,
  types: LeadEventType[],
): Promise<{ type: LeadEventType; data: Record<string, unknown> } | null> {
  const [row] = (await db.query(
    `SELECT type, data FROM lead_events WHERE lead_id = $1 AND step_id = $2 AND type = ANY($3)`,
    [leadId, stepId, types],
  )) as { type: LeadEventType; data: Record<string, unknown> }[];
  return row ?? null;
}

export async function notifyLeadChanged(db: Queryable, leadId: string): Promise<void> {
  await db.query(`SELECT pg_notify($1, $2)`, [LEAD_CHANGED_CHANNEL, leadId]);
}
