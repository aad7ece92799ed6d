import { Inject, Injectable } from '@nestjs/common';
import type { TeamList, TeamView } from '@baton/api-contract';
import { DataSource, type EntityManager } from '@baton/db';
import { notFound } from './people-errors';

type Queryable = Pick<EntityManager, 'query'>;

interface TeamRow {
  id: string;
  name: string;
  manager_id: string | null;
  manager_name: string | null;
  schedule_id: string | null;
  created_at: Date;
  members: TeamView['members'];
}

const TEAM_SELECT = `SELECT t.id, t.name, t.manager_id, mgr.name AS manager_name, t.schedule_id, t.created_at,
  coalesce((SELECT json_agg(json_build_object('id', u.id, 'name', u.name, 'role', u.role, 'status', u.status)
                            ORDER BY u.name, u.id)
            FROM team_members tm JOIN users u ON u.id = tm.user_id WHERE tm.team_id = t.id), '[]'::json) AS members
  FROM teams t LEFT JOIN users mgr ON mgr.id = t.manager_id`;

const toTeamView = (r: TeamRow): TeamView => ({
  id: r.id,
  name: r.name,
  managerId: r.manager_id,
  manager: r.manager_id ? { id: r.manager_id, name: r.manager_name ?? '' } : null,
  scheduleId: r.schedule_id,
  members: r.members,
  createdAt: r.created_at.toISOString(),
});

@Injectable()
export class TeamReadService {
  constructor(@Inject(DataSource) private readonly db: DataSource) {}

  async list(): Promise<TeamList> {
    const rows: TeamRow[] = await this.db.query(`${TEAM_SELECT} ORDER BY t.name, t.id`);
    return { items: rows.map(toTeamView) };
  }

  async get(id: string, db: Queryable = this.db): Promise<TeamView> {
    const [row]: TeamRow[] = await db.query(`${TEAM_SELECT} WHERE t.id = $1`, [id]);
    if (!row) throw notFound(`There is no team ${id}`);
    return toTeamView(row);
  }
}

/** What the audit log keeps of a team. */
export const teamAuditSnapshot = (t: TeamView): Record<string, unknown> => ({
  name: t.name,
  managerId: t.managerId,
  scheduleId: t.scheduleId,
  memberIds: t.members.map((m) => m.id),
});
