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
  created_at: Date;
  users: number;
  teams: number;
}

const SCHEDULE_SELECT = `SELECT s.id, s.name, s.time_zone, s.weekly, s.holidays, s.created_at,
  (SELECT count(*)::int FROM users u WHERE u.schedule_id = s.id) AS users,
  (SELECT count(*)::int FROM teams t WHERE t.schedule_id = s.id) AS teams
  FROM schedules s`;

const toScheduleView = (r: ScheduleRow): ScheduleView => ({
  id: r.id,
  name: r.name,
  timeZone: r.time_zone,
  weekly: r.weekly,
  holidays: r.holidays,
  usedBy: { users: r.users, teams: r.teams },
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
});
