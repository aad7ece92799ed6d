import type { MetricsGroup, MetricsGroupBy } from '@baton/api-contract';
import type { DataSource } from '@baton/db';

const TABLE = { team: 'teams', rep: 'users', source: 'sources' } as const;
const NONE_NAME = { team: 'No team', rep: 'Unassigned', source: 'No source' } as const;

/** Names the groups of a grouped result (a null id is "no team" / "unassigned"). */
export async function nameGroups(
  db: DataSource,
  groupBy: MetricsGroupBy,
  ids: (string | null)[],
): Promise<Map<string | null, MetricsGroup>> {
  const named = new Map<string | null, MetricsGroup>();
  if (groupBy === 'none') return named;
  const known = ids.filter((id): id is string => id !== null);
  const rows = known.length
    ? ((await db.query(`SELECT id::text, name FROM ${TABLE[groupBy]} WHERE id = ANY($1::uuid[])`, [
        known,
      ])) as { id: string; name: string }[])
    : [];
  const names = new Map(rows.map((r) => [r.id, r.name]));
  for (const id of ids)
    named.set(id, { id, name: id === null ? NONE_NAME[groupBy] : (names.get(id) ?? id) });
  return named;
}

/** Groups by name, "no team" / "unassigned" last. */
export function byGroupName(a: { group: MetricsGroup }, b: { group: MetricsGroup }): number {
  if ((a.group.id === null) !== (b.group.id === null)) return a.group.id === null ? 1 : -1;
  return (
    a.group.name.localeCompare(b.group.name) || String(a.group.id).localeCompare(String(b.group.id))
  );
}
