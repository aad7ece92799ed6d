import type { AlertKind } from '@baton/api-contract';
import type { EntityManager } from '@baton/db';
import { storableText } from '@baton/text';

type Queryable = Pick<EntityManager, 'query'>;

export interface InAppNotification {
  leadId: string;
  stepId: string;
  /** The alert kinds the API and the bell know. */
  kind: AlertKind;
  title: string;
  body: string;
}

/** One in-app alert per (lead, step, person): a retried step adds none. Returns how many were new. */
export async function createInAppNotifications(
  db: Queryable,
  userIds: string[],
  n: InAppNotification,
): Promise<number> {
  if (userIds.length === 0) return 0;
  const rows: unknown[] = await db.query(
    `INSERT INTO notifications (user_id, lead_id, step_id, kind, title, body)
     SELECT u, $2, $3, $4, $5, $6 FROM unnest($1::uuid[]) AS u
     ON CONFLICT (lead_id, step_id, user_id) WHERE step_id IS NOT NULL DO NOTHING
     RETURNING id`,
    [userIds, n.leadId, n.stepId, n.kind, storableText(n.title), storableText(n.body)],
  );
  return rows.length;
}
