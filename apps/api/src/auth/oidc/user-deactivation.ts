import type { DataSource } from '@baton/db';

/**
 * Whether an admin deactivated this person (DELETE /users/:id on someone with history). There is
 * no column for it: the audit log's latest deactivate/reactivate entry is the record.
 */
export async function isDeactivated(db: DataSource, userId: string): Promise<boolean> {
  const [latest] = (await db.query(
    `SELECT action FROM audit_log
     WHERE entity_type = 'user' AND entity_id = $1 AND action IN ('user.deactivate', 'user.reactivate')
     ORDER BY id DESC LIMIT 1`,
    [userId],
  )) as { action: string }[];
  return latest?.action === 'user.deactivate';
}
