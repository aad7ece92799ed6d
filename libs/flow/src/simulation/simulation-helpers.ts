import type { RosterPerson } from '../assignment/roster';
import type { Schedule } from '../business-time/schedule.schema';
import type { SimulateOptions, SimulationState } from './simulation.types';

/** Whether the waits of this node run out in this simulation. */
export function isBreached(options: SimulateOptions, nodeId: string): boolean {
  const { breached } = options;
  return breached === true || (Array.isArray(breached) && breached.includes(nodeId));
}

export function findPerson(
  options: SimulateOptions,
  id: string | null | undefined,
): RosterPerson | undefined {
  return id ? options.roster.find((p) => p.id === id) : undefined;
}

export function personName(options: SimulateOptions, id: string | null | undefined): string {
  return findPerson(options, id)?.name ?? id ?? 'nobody';
}

/** The schedule a business-time SLA counts on: the one named, else the owner's. */
export function slaSchedule(
  options: SimulateOptions,
  state: SimulationState,
  scheduleId: string | undefined,
): Schedule | undefined {
  const id = scheduleId ?? findPerson(options, state.ownerId)?.scheduleId ?? undefined;
  return id ? options.schedules[id] : undefined;
}

/** The manager of the team the lead was routed through (the last assign step's team). */
export function managerOf(
  options: SimulateOptions,
  state: SimulationState,
): RosterPerson | undefined {
  const teamId = state.lastAssign?.teamId;
  const managerId = options.teams?.find((t) => t.id === teamId)?.managerId;
  return findPerson(options, managerId);
}
