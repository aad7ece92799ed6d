import type { AssignConfig } from '../nodes/assign/assign.node';
import type { RosterPerson } from './roster';

const byId = (a: RosterPerson, b: RosterPerson): number => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/**
 * The people this step chooses from, in a stable order (by id) so a round-robin cursor means the
 * same thing whatever order the roster was loaded in. An explicit pool replaces the team.
 */
export function assignmentPool(
  config: AssignConfig,
  roster: readonly RosterPerson[],
): RosterPerson[] {
  const pool =
    config.strategy === 'specific_user'
      ? roster.filter((p) => p.id === config.userId)
      : config.pool && config.pool.length > 0
        ? roster.filter((p) => config.pool?.includes(p.id))
        : roster.filter((p) => config.teamId !== undefined && p.teamIds.includes(config.teamId));
  return [...pool].sort(byId);
}

/**
 * Identifies the pool for its round-robin cursor and fair-share counters (AssignmentCursor.poolKey):
 * steps that choose from the same people share one rotation.
 */
export function assignmentPoolKey(config: AssignConfig): string {
  if (config.strategy === 'specific_user') return `user:${config.userId ?? ''}`;
  if (config.pool && config.pool.length > 0) return `pool:${[...config.pool].sort().join(',')}`;
  return `team:${config.teamId ?? ''}`;
}
