import type { Role } from '@baton/api-contract';

/** Where a lead sits: its owner, its team, and the teams its owner belongs to. */
export interface LeadPlacement {
  id: string;
  ownerId: string | null;
  teamId: string | null;
  ownerTeamIds: readonly string[];
}

/** What decides which leads a person sees: role, the teams they are in and those they manage. */
export interface Viewer {
  id: string;
  role: Role;
  memberOf: ReadonlySet<string>;
  manages: ReadonlySet<string>;
}

/** SQL parameter references a clause may use; each is bound only if some clause asks for it. */
interface SqlRefs {
  /** The viewer's user id (uuid). */
  viewer(): string;
  /** The teams whose leads the viewer sees (uuid[]). */
  teams(): string;
}

/** One reason a person sees a lead: as a predicate and as SQL over `leads l`, side by side. */
interface Clause {
  roles: readonly Role[];
  holds(viewer: Viewer, lead: LeadPlacement): boolean;
  sql(ref: SqlRefs): string;
}

/** A rep's teams are the ones they are in; a manager's also the ones they manage. */
export function teamsSeenBy(viewer: Viewer): ReadonlySet<string> {
  if (viewer.role === 'rep') return viewer.memberOf;
  if (viewer.role === 'manager') return new Set([...viewer.memberOf, ...viewer.manages]);
  return new Set();
}

/**
 * Who may see a lead (README, "leads": reps their own and their teams' leads, managers their
 * teams', admins all). A person sees a lead when any clause for their role holds. Lists, details,
 * actions and live events all use this table, so the rule cannot drift between them;
 * apps/api/test/integration/lead-visibility.spec.ts checks the two columns agree on every placement.
 */
const CLAUSES: readonly Clause[] = [
  {
    // Admins: every lead.
    roles: ['admin'],
    holds: () => true,
    sql: () => 'true',
  },
  {
    // Their own lead, whichever team it is in.
    roles: ['rep', 'manager'],
    holds: (v, l) => l.ownerId === v.id,
    sql: (ref) => `l.owner_id = ${ref.viewer()}`,
  },
  {
    // A lead of one of their teams: by the lead's team, or by a team its owner belongs to.
    roles: ['rep', 'manager'],
    holds: (v, l) => {
      const teams = teamsSeenBy(v);
      return (l.teamId !== null && teams.has(l.teamId)) || l.ownerTeamIds.some((t) => teams.has(t));
    },
    sql: (ref) =>
      `(l.team_id = ANY(${ref.teams()}) OR EXISTS (SELECT 1 FROM team_members vm
         WHERE vm.user_id = l.owner_id AND vm.team_id = ANY(${ref.teams()})))`,
  },
  {
    // Unrouted (no team, no owner): anyone may claim it, so everyone sees it.
    roles: ['rep', 'manager'],
    holds: (_, l) => l.teamId === null && l.ownerId === null,
    sql: () => `(l.team_id IS NULL AND l.owner_id IS NULL)`,
  },
  {
    // Of no team at all (neither its own nor its owner's): no team manager would see it, so
    // every manager does; someone who can reassign it must.
    roles: ['manager'],
    holds: (_, l) => l.teamId === null && l.ownerTeamIds.length === 0,
    sql: () =>
      `(l.team_id IS NULL AND NOT EXISTS (SELECT 1 FROM team_members vm WHERE vm.user_id = l.owner_id))`,
  },
];

const clausesFor = (role: Role) => CLAUSES.filter((c) => c.roles.includes(role));

/** Whether this person may see this lead (a single lead, a live event). */
export function mayView(viewer: Viewer, lead: LeadPlacement): boolean {
  return clausesFor(viewer.role).some((c) => c.holds(viewer, lead));
}

/**
 * The same rule as a condition on `leads l` for lists, numbered from $1 (values in `values`), so
 * callers renumber it like any other condition of theirs.
 */
export function visibleLeadsSql(viewer: Viewer): { sql: string; values: unknown[] } {
  const values: unknown[] = [];
  const bound = new Map<string, string>();
  const bind = (key: string, value: unknown, type: string) => () => {
    let ref = bound.get(key);
    if (!ref) {
      values.push(value);
      ref = `$${values.length}::${type}`;
      bound.set(key, ref);
    }
    return ref;
  };
  const ref: SqlRefs = {
    viewer: bind('viewer', viewer.id, 'uuid'),
    teams: bind('teams', [...teamsSeenBy(viewer)], 'uuid[]'),
  };
  const parts = clausesFor(viewer.role).map((c) => c.sql(ref));
  return { sql: parts.length ? `(${parts.join(' OR ')})` : 'false', values };
}
