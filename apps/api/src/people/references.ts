import type { EntityManager } from '@baton/db';
import { invalidField } from './people-errors';

type Queryable = Pick<EntityManager, 'query'>;

// Ids in request bodies must point at something that exists: a clear 400 instead of a
// foreign-key error (500) or a dangling reference.

export async function assertScheduleExists(
  db: Queryable,
  id: string | null | undefined,
  path = 'scheduleId',
): Promise<void> {
  if (!id) return;
  const rows: unknown[] = await db.query(`SELECT 1 FROM schedules WHERE id = $1`, [id]);
  if (rows.length === 0) throw invalidField(path, `there is no schedule ${id}`);
}

export async function assertFlowExists(
  db: Queryable,
  id: string | null | undefined,
): Promise<void> {
  if (!id) return;
  const rows = (await db.query(`SELECT name, archived_at FROM flows WHERE id = $1`, [id])) as {
    name: string;
    archived_at: Date | null;
  }[];
  const [flow] = rows;
  if (!flow) throw invalidField('flowId', `there is no flow ${id}`);
  if (flow.archived_at)
    throw invalidField('flowId', `the flow "${flow.name}" is archived: restore it first`);
}

/**
 * Names of flows whose draft or published graph mentions the id (a team, person or schedule a
 * node points at). Ids are uuids, so a text search of the graph JSON finds exactly the uses.
 */
export async function flowsReferencing(db: Queryable, id: string): Promise<string[]> {
  const rows: { name: string }[] = await db.query(
    `SELECT f.name FROM flows f LEFT JOIN flow_versions v ON v.id = f.published_version_id
     WHERE strpos(f.draft_graph::text, $1) > 0 OR strpos(v.graph::text, $1) > 0
     ORDER BY f.name`,
    [id],
  );
  return rows.map((r) => r.name);
}

export const quoteList = (names: string[]): string => names.map((n) => `"${n}"`).join(', ');
