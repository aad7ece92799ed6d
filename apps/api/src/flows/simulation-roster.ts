import { type EntityManager, loadRoster, loadSchedules } from '@baton/db';
import type { RosterPerson, Schedule, SimulatedTeam } from '@baton/flow';

type Queryable = Pick<EntityManager, 'query'>;

/** Everything the simulator needs to know about people, teams, schedules and rotations, now. */
export interface SimulationWorld {
  roster: RosterPerson[];
  teams: SimulatedTeam[];
  schedules: Record<string, Schedule>;
  /** Round-robin positions by pool key, so the simulated pick is the one the next lead would get. */
  cursors: Record<string, number>;
}

/** The roster, teams, schedules and rotations, read exactly as the worker's assign step reads them. */
export async function loadSimulationWorld(db: Queryable): Promise<SimulationWorld> {
  const roster = await loadRoster(db);
  const teams = (await db.query(`SELECT id, name, manager_id FROM teams ORDER BY name`)) as {
    id: string;
    name: string;
    manager_id: string | null;
  }[];
  const schedules = await loadSchedules(db);
  const cursors = (await db.query(`SELECT pool_key, position FROM assignment_cursors`)) as {
    pool_key: string;
    position: number;
  }[];
  return {
    roster,
    teams: teams.map((t) => ({ id: t.id, name: t.name, managerId: t.manager_id })),
    schedules,
    cursors: Object.fromEntries(cursors.map((c) => [c.pool_key, c.position])),
  };
}
