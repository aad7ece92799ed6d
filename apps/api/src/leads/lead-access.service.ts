import { ForbiddenException, Inject, Injectable, NotFoundException } from '@nestjs/common';
import type { CurrentUser } from '@baton/api-contract';
import { DataSource } from '@baton/db';

export type LeadAction = 'view' | 'claim' | 'contacted' | 'note' | 'disqualify' | 'reassign';

interface LeadScope {
  ownerId: string | null;
  teamId: string | null;
  ownerTeamIds: string[];
}

/**
 * Who may do what to a lead, decided on the server:
 * - admins: everything;
 * - managers: everything on leads of the teams they manage (or owned by their teams' members);
 * - reps: their own leads and their teams' leads (claim, contacted, note; disqualify only their
 *   own), never reassign; unrouted leads (no team, no owner) are open to everyone to claim.
 */
@Injectable()
export class LeadAccessService {
  constructor(@Inject(DataSource) private readonly db: DataSource) {}

  async assertCan(user: CurrentUser, leadId: string, action: LeadAction): Promise<void> {
    if (user.role === 'admin') return this.assertExists(leadId);
    const lead = await this.scope(leadId);
    const why =
      user.role === 'manager'
        ? await this.managerRefusal(user.id, lead)
        : await this.repRefusal(user.id, lead, action);
    if (why) throw new ForbiddenException(why);
  }

  /** SQL condition (on alias `l`) for the leads a person may see in lists; $1 = user id. */
  visibilityFilter(user: CurrentUser): string | null {
    if (user.role !== 'rep') return null;
    return `(l.owner_id = $1 OR l.team_id IN (SELECT team_id FROM team_members WHERE user_id = $1)
             OR (l.team_id IS NULL AND l.owner_id IS NULL))`;
  }

  private async managerRefusal(userId: string, lead: LeadScope): Promise<string | null> {
    const managed = (await this.db.query(`SELECT id FROM teams WHERE manager_id = $1`, [
      userId,
    ])) as { id: string }[];
    const ids = new Set(managed.map((t) => t.id));
    const mine = (lead.teamId && ids.has(lead.teamId)) || lead.ownerTeamIds.some((t) => ids.has(t));
    const unrouted = !lead.teamId && !lead.ownerId;
    return mine || unrouted ? null : 'This lead belongs to a team you do not manage';
  }

  private async repRefusal(
    userId: string,
    lead: LeadScope,
    action: LeadAction,
  ): Promise<string | null> {
    if (action === 'reassign') return 'Only managers and admins can reassign leads';
    const own = lead.ownerId === userId;
    if (action === 'disqualify') return own ? null : 'You can only disqualify your own leads';
    if (own || (!lead.teamId && !lead.ownerId)) return null;
    const teams = (await this.db.query(`SELECT team_id FROM team_members WHERE user_id = $1`, [
      userId,
    ])) as { team_id: string }[];
    const inTeam = teams.some(
      (t) => t.team_id === lead.teamId || lead.ownerTeamIds.includes(t.team_id),
    );
    return inTeam ? null : 'This lead belongs to another team';
  }

  private async scope(leadId: string): Promise<LeadScope> {
    const [row] = (await this.db.query(
      `SELECT l.owner_id, l.team_id,
              coalesce((SELECT array_agg(team_id) FROM team_members WHERE user_id = l.owner_id), '{}') AS owner_team_ids
       FROM leads l WHERE l.id = $1`,
      [leadId],
    )) as { owner_id: string | null; team_id: string | null; owner_team_ids: string[] }[];
    if (!row) throw new NotFoundException(`Lead ${leadId} does not exist`);
    return { ownerId: row.owner_id, teamId: row.team_id, ownerTeamIds: row.owner_team_ids };
  }

  private async assertExists(leadId: string): Promise<void> {
    await this.scope(leadId);
  }
}
