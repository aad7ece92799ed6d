import type { Role } from '@baton/api-contract';

/** Where a lead sits: its owner, its team, and the teams its owner belongs to. */
export interface LeadPlacement {
  id: string;
  ownerId: string | null;
  teamId: string | null;
  ownerTeamIds: string[];
}

/** What decides which leads a person sees: role, the teams they are in and those they manage. */
export interface Viewer {
  id: string;
  role: Role;
  memberOf: ReadonlySet<string>;
  manages: ReadonlySet<string>;
}

/**
 * The "view" rule of LeadAccessService.assertCan, for deciding in memory for every live event:
 * admins see every lead; managers the leads of teams they manage (by the lead's team or its
 * owner's); reps their own and their teams'; unrouted leads (no team, no owner) are everyone's.
 */
export function mayView(viewer: Viewer, lead: LeadPlacement): boolean {
  if (viewer.role === 'admin') return true;
  if (!lead.teamId && !lead.ownerId) return true;
  if (viewer.role === 'rep' && lead.ownerId === viewer.id) return true;
  const teams = viewer.role === 'manager' ? viewer.manages : viewer.memberOf;
  return (
    (lead.teamId !== null && teams.has(lead.teamId)) || lead.ownerTeamIds.some((t) => teams.has(t))
  );
}
