import { Inject, Injectable } from '@nestjs/common';
import type { SchedulePreview, ScheduleList, ScheduleView } from '@baton/api-contract';
import { DataSource, type EntityManager } from '@baton/db';
import { notFound } from './people-errors';
import { previewWeek } from './schedule-preview';

type Queryable = Pick<EntityManager, 'query'>;

interface ScheduleRow {
  id: string;
  name: string;
  time_zone: string;
  weekly: ScheduleView['weekly'];
  holidays: string[];
  holiday_names: Record<string, string>;
  created_at: Date;
  users: number;
  team_names: string[];
  flows: string[];
}

// Flows are found as the delete check finds them (references.ts): the id in a draft or published graph.
const SCHEDULE_SELECT = `SELECT s.id, s.name, s.time_zone, s.weekly, s.holidays, s.holiday_names, s.created_at,
  (SELECT count(*)::int FROM users u WHERE u.schedule_id = s.id) AS users,
  coalesce((SELECT json_agg(t.name ORDER BY t.name) FROM teams t WHERE t.schedule_id = s.id), '[]'::json)
    AS team_names,
  coalesce((SELECT json_agg(f.name ORDER BY f.name) FROM flows f
            LEFT JOIN flow_versions v ON v.id = f.published_version_id
            WHERE strpos(f.draft_graph::text, s.id::text) > 0 OR strpos(v.graph::text, s.id::text) > 0),
           '[]'::json) AS flows
  FROM schedules s`;

const toScheduleView = (r: ScheduleRow): ScheduleView => ({
  id: r.id,
  name: r.name,
  timeZone: r.time_zone,
  weekly: r.weekly,
  holidays: r.holidays,
  holidayNames: r.holiday_names,
  usedBy: { users: r.users, teams: r.team_names.length, teamNames: r.team_names, flows: r.flows },
  createdAt: r.created_at.toISOString(),
});

@Injectable()
export class ScheduleReadService {
  constructor(@Inject(DataSource) private readonly db: DataSource) {}

  async list(): Promise<ScheduleList> {
    const rows: ScheduleRow[] = await this.db.query(`${SCHEDULE_SELECT} ORDER BY s.name, s.id`);
    return { items: rows.map(toScheduleView) };
  }

  async get(id: string, db: Queryable = this.db): Promise<ScheduleView> {
    const [row]: ScheduleRow[] = await db.query(`${SCHEDULE_SELECT} WHERE s.id = $1`, [id]);
    if (!row) throw notFound(`There is no schedule ${id}`);
    return toScheduleView(row);
  }

  async preview(id: string, from: Date): Promise<SchedulePreview> {
    const schedule = await this.get(id);
    const week = previewWeek(schedule, from);
    return {
      scheduleId: schedule.id,
      timeZone: schedule.timeZone,
      from: week.from.toISOString(),
      to: week.to.toISOString(),
      openAtFrom: week.openAtFrom,
      nextOpening: week.nextOpening?.toISOString() ?? null,
      nextClosing: week.nextClosing?.toISOString() ?? null,
      openings: week.openings.map((o) => ({
        start: o.start.toISOString(),
        end: o.end.toISOString(),
      })),
    };
  }
}

/** What the audit log keeps of a schedule. */
export const scheduleAuditSnapshot = (s: ScheduleView): Record<string, unknown> => ({
  name: s.name,
  timeZone: s.timeZone,
  weekly: s.weekly,
  holidays: s.holidays,
  holidayNames: s.holidayNames,
});
