import type { EntityManager } from '@baton/db';

type Queryable = Pick<EntityManager, 'query'>;

export interface Person {
  id: string;
  name: string;
  email: string;
}

/** The lead's owner, if any. */
export async function ownerOf(db: Queryable, leadId: string): Promise<Person | null> {
  const [row] = (await db.query(
    `SELECT u.id, u.name, u.email FROM leads l JOIN users u ON u.id = l.owner_id WHERE l.id = $1`,
    [leadId],
  )) as Person[];
  return row ?? null;
}

/**
 * Who a lead escalates to: the manager of the lead's team, else the managers of the owner's
 * teams, else every manager and admin (someone must always hear about it).
 */
export async function managersFor(db: Queryable, leadId: string): Promise<Person[]> {
  const rows = (await db.query(
    `WITH l AS (SELECT team_id, owner_id FROM leads WHERE id = $1),
     by_team AS (SELECT u.id, u.name, u.email FROM l JOIN teams t ON t.id = l.team_id JOIN users u ON u.id = t.manager_id),
     by_owner AS (SELECT DISTINCT u.id, u.name, u.email FROM l JOIN team_members tm ON tm.user_id = l.owner_id
                  JOIN teams t ON t.id = tm.team_id JOIN users u ON u.id = t.manager_id)
     SELECT * FROM by_team
     UNION SELECT * FROM by_owner WHERE NOT EXISTS (SELECT 1 FROM by_team)`,
    [leadId],
  )) as Person[];
  if (rows.length > 0) return rows;
  return (await db.query(
    `SELECT id, name, email FROM users WHERE role IN ('manager', 'admin') ORDER BY role DESC, name`,
  )) as Person[];
}

/** Members of the lead's team (or of the owner's teams). */
export async function teamOf(db: Queryable, leadId: string): Promise<Person[]> {
  return (await db.query(
    `SELECT DISTINCT u.id, u.name, u.email FROM leads l
     JOIN team_members tm ON tm.team_id = l.team_id OR (l.team_id IS NULL AND tm.team_id IN
       (SELECT team_id FROM team_members WHERE user_id = l.owner_id))
     JOIN users u ON u.id = tm.user_id WHERE l.id = $1`,
    [leadId],
  )) as Person[];
}

export async function personById(db: Queryable, userId: string): Promise<Person | null> {
  const [row] = (await db.query(`SELECT id, name, email FROM users WHERE id = $1`, [
    userId,
  ])) as Person[];
  return row ?? null;
}
