import { openLeadStatuses, type Role, type UserStatus, type UserView } from '@baton/api-contract';

/** Lead statuses as a SQL list (fixed identifiers, not user input). */
const OPEN_STATUSES_SQL = openLeadStatuses.map((s) => `'${s}'`).join(', ');

/**
 * Columns of a person as the API shows them. The password hash is never selected: only whether
 * one is set.
 */
export const USER_VIEW_COLUMNS = `u.id, u.email, u.name, u.role, u.status, u.out_of_office_until,
  u.capacity, u.weight, u.skills, u.territories, u.schedule_id, u.flagged_at, u.flag_reason,
  u.created_at, u.updated_at, (u.password_hash IS NOT NULL) AS can_sign_in,
  coalesce((SELECT json_agg(json_build_object('id', t.id, 'name', t.name) ORDER BY t.name, t.id)
            FROM team_members tm JOIN teams t ON t.id = tm.team_id WHERE tm.user_id = u.id), '[]'::json) AS teams,
  (SELECT count(*)::int FROM leads l WHERE l.owner_id = u.id AND l.status IN (${OPEN_STATUSES_SQL})) AS open_leads,
  (SELECT i.expires_at FROM invitations i WHERE i.user_id = u.id AND i.accepted_at IS NULL) AS invitation_expires_at`;

export interface UserViewRow {
  id: string;
  email: string;
  name: string;
  role: Role;
  status: UserStatus;
  out_of_office_until: Date | null;
  capacity: number | null;
  weight: number;
  skills: string[];
  territories: string[];
  schedule_id: string | null;
  flagged_at: Date | null;
  flag_reason: string | null;
  created_at: Date;
  updated_at: Date;
  can_sign_in: boolean;
  teams: { id: string; name: string }[];
  open_leads: number;
  invitation_expires_at: Date | null;
}

export function toUserView(r: UserViewRow): UserView {
  return {
    id: r.id,
    email: r.email,
    name: r.name,
    role: r.role,
    status: r.status,
    outOfOfficeUntil: r.out_of_office_until?.toISOString() ?? null,
    capacity: r.capacity,
    weight: r.weight,
    skills: r.skills,
    territories: r.territories,
    scheduleId: r.schedule_id,
    teams: r.teams,
    openLeads: r.open_leads,
    flag: r.flagged_at ? { at: r.flagged_at.toISOString(), reason: r.flag_reason } : null,
    canSignIn: r.can_sign_in,
    ...(r.invitation_expires_at
      ? { invitation: { expiresAt: r.invitation_expires_at.toISOString() } }
      : {}),
    createdAt: r.created_at.toISOString(),
    updatedAt: r.updated_at.toISOString(),
  };
}

/** What the audit log keeps of a person: their settings, not volatile counters. */
export function userAuditSnapshot(view: UserView): Record<string, unknown> {
  const {
    openLeads: _openLeads,
    updatedAt: _updatedAt,
    createdAt: _createdAt,
    invitation: _invitation,
    ...rest
  } = view;
  return { ...rest, teams: view.teams.map((t) => t.id) };
}
