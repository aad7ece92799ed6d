import type { EntityManager } from '@baton/db';
import type { KnownReferences } from '@baton/flow';

type Queryable = Pick<EntityManager, 'query'>;

/** The schedule, person and team ids that exist here: what a flow's configs may point at. */
export async function loadKnownReferences(db: Queryable): Promise<Required<KnownReferences>> {
  const [row] = (await db.query(
    `SELECT (SELECT coalesce(array_agg(id::text), '{}') FROM schedules) AS schedule_ids,
            (SELECT coalesce(array_agg(id::text), '{}') FROM users) AS user_ids,
            (SELECT coalesce(array_agg(id::text), '{}') FROM teams) AS team_ids`,
  )) as { schedule_ids: string[]; user_ids: string[]; team_ids: string[] }[];
  return {
    scheduleIds: row?.schedule_ids ?? [],
    userIds: row?.user_ids ?? [],
    teamIds: row?.team_ids ?? [],
  };
}
