import type { CurrentUser } from '@baton/api-contract';
import type { DataSource } from '@baton/db';
import type { LeadPlacement, Viewer } from './lead-visibility.rule';

type Db = Pick<DataSource, 'query'>;

/** What lead-visibility.rule needs to know about a person: the teams they are in and manage. */
export async function loadViewer(db: Db, user: CurrentUser): Promise<Viewer> {
  if (user.role === 'admin') {
    return { id: user.id, role: user.role, memberOf: new Set(), manages: new Set() };
  }
  const [row]: { member_of: string[]; manages: string[] }[] = await db.query(
    `SELECT array(SELECT team_id FROM team_members WHERE user_id = $1) AS member_of,
            array(SELECT id FROM teams WHERE manager_id = $1) AS manages`,
    [user.id],
  );
  return {
    id: user.id,
    role: user.role,
    memberOf: new Set(row?.member_of ?? []),
    manages: new Set(row?.manages ?? []),
  };
}

/** Where each of these leads sits, in the order given; ids with no lead are left out. */
export async function loadPlacements(db: Db, ids: readonly string[]): Promise<LeadPlacement[]> {
  const rows: {
    id: string;
    owner_id: string | null;
    team_id: string | null;
    owner_team_ids: string[];
  }[] = await db.query(
    `SELECT l.id, l.owner_id, l.team_id,
            array(SELECT team_id FROM team_members WHERE user_id = l.owner_id) AS owner_team_ids
     FROM leads l WHERE l.id = ANY($1::uuid[])`,
    [ids],
  );
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.flatMap((id) => {
    const r = byId.get(id.toLowerCase());
    return r
      ? [{ id: r.id, ownerId: r.owner_id, teamId: r.team_id, ownerTeamIds: r.owner_team_ids }]
      : [];
  });
}
