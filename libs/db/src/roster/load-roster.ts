import { openLeadStatuses } from '@baton/api-contract';
import type { RosterPerson, Schedule } from '@baton/flow';
import type { EntityManager } from 'typeorm';

type Queryable = Pick<EntityManager, 'query'>;

/** Statuses in which a lead still counts against its owner's capacity. */
export const OPEN_LEAD_STATUSES: readonly string[] = openLeadStatuses;

/**
 * Everyone who might take a lead, with their live load. The assign step reads it inside its
 * transaction and the flow simulator reads it too, so a simulation picks as the real step would.
 */
export async function loadRoster(db: Queryable): Promise<RosterPerson[]> {
  const rows = (await db.query(
    `SELECT u.id, u.name, u.status, u.out_of_office_until, u.capacity, u.skills, u.territories, u.schedule_id, u.weight,
            coalesce(array_agg(tm.team_id) FILTER (WHERE tm.team_id IS NOT NULL), '{}') AS team_ids,
            (SELECT count(*)::int FROM leads l WHERE l.owner_id = u.id AND l.status = ANY($1)) AS open_leads
     FROM users u LEFT JOIN team_members tm ON tm.user_id = u.id
     WHERE u.role IN ('rep', 'manager')
     GROUP BY u.id ORDER BY u.name, u.id`,
    [OPEN_LEAD_STATUSES],
  )) as {
    id: string;
    name: string;
    status: 'available' | 'away';
    out_of_office_until: Date | null;
    capacity: number | null;
    skills: string[];
    territories: string[];
    schedule_id: string | null;
    weight: number;
    team_ids: string[];
    open_leads: number;
  }[];
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    status: r.status,
    outOfOfficeUntil: r.out_of_office_until,
    capacity: r.capacity,
    openLeads: r.open_leads,
    skills: r.skills,
    territories: r.territories,
    teamIds: r.team_ids,
    scheduleId: r.schedule_id,
    weight: r.weight,
  }));
}

export async function loadSchedules(db: Queryable): Promise<Record<string, Schedule>> {
  const rows = (await db.query(`SELECT id, time_zone, weekly, holidays FROM schedules`)) as {
    id: string;
    time_zone: string;
    weekly: Schedule['weekly'];
    holidays: string[];
  }[];
  return Object.fromEntries(
    rows.map((r) => [
      r.id,
      { timeZone: r.time_zone, weekly: r.weekly, holidays: r.holidays } as Schedule,
    ]),
  );
}
