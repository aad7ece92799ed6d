import { Inject, Injectable } from '@nestjs/common';
import type { CreateTeam, CurrentUser, TeamView, UpdateTeam } from '@baton/api-contract';
import { DataSource, type EntityManager, TeamEntity, TeamMemberEntity } from '@baton/db';
import { AuditLogService } from '../audit/audit-log.service';
import { changedFields } from './audit-diff';
import { conflict, invalidField, isUniqueViolation, notFound } from './people-errors';
import { assertScheduleExists, flowsReferencing, quoteList } from './references';
import { teamAuditSnapshot, TeamReadService } from './team-read.service';

const duplicateName = (name: string) => conflict(`There is already a team called "${name}"`);

/** Creates, changes and deletes teams and their member lists (admins only, audited). */
@Injectable()
export class TeamWriteService {
  constructor(
    @Inject(DataSource) private readonly db: DataSource,
    @Inject(TeamReadService) private readonly teams: TeamReadService,
    @Inject(AuditLogService) private readonly audit: AuditLogService,
  ) {}

  async create(actor: CurrentUser, body: CreateTeam): Promise<TeamView> {
    return this.uniqueName(body.name, () =>
      this.db.transaction(async (m) => {
        await this.assertManager(m, body.managerId);
        await assertScheduleExists(m, body.scheduleId);
        const inserted = await m.getRepository(TeamEntity).insert({
          name: body.name,
          managerId: body.managerId ?? null,
          scheduleId: body.scheduleId ?? null,
        });
        const id = (inserted.identifiers[0] as { id: string }).id;
        await this.replaceMembers(m, id, body.memberIds ?? [], 'memberIds');
        const view = await this.teams.get(id, m);
        await this.audit.record(
          {
            actorId: actor.id,
            action: 'team.create',
            entityType: 'team',
            entityId: id,
            after: teamAuditSnapshot(view),
          },
          m,
        );
        return view;
      }),
    );
  }

  async update(actor: CurrentUser, id: string, body: UpdateTeam): Promise<TeamView> {
    return this.uniqueName(body.name ?? '', () =>
      this.changeTeam(actor, id, 'team.update', async (m) => {
        await this.assertManager(m, body.managerId);
        await assertScheduleExists(m, body.scheduleId);
        await m.getRepository(TeamEntity).update({ id }, body);
      }),
    );
  }

  /** Replaces the member list with exactly these people. */
  async setMembers(actor: CurrentUser, id: string, userIds: string[]): Promise<TeamView> {
    return this.changeTeam(actor, id, 'team.members_set', (m) =>
      this.replaceMembers(m, id, userIds, 'userIds'),
    );
  }

  /** Refused while a flow routes to the team; its leads keep their history (team set to none). */
  async remove(actor: CurrentUser, id: string): Promise<void> {
    await this.db.transaction(async (m) => {
      const before = await this.lock(m, id);
      const flows = await flowsReferencing(m, id);
      if (flows.length > 0) {
        throw conflict(
          `Flow ${quoteList(flows)} routes to "${before.name}"; change the flow first`,
        );
      }
      await m.getRepository(TeamEntity).delete({ id });
      await this.audit.record(
        {
          actorId: actor.id,
          action: 'team.delete',
          entityType: 'team',
          entityId: id,
          before: teamAuditSnapshot(before),
        },
        m,
      );
    });
  }

  private async changeTeam(
    actor: CurrentUser,
    id: string,
    action: string,
    change: (m: EntityManager) => Promise<unknown>,
  ): Promise<TeamView> {
    return this.db.transaction(async (m) => {
      const before = await this.lock(m, id);
      await change(m);
      const after = await this.teams.get(id, m);
      const diff = changedFields(teamAuditSnapshot(before), teamAuditSnapshot(after));
      if (Object.keys(diff.after).length > 0) {
        await this.audit.record(
          { actorId: actor.id, action, entityType: 'team', entityId: id, ...diff },
          m,
        );
      }
      return after;
    });
  }

  private async lock(m: EntityManager, id: string): Promise<TeamView> {
    const rows: unknown[] = await m.query(`SELECT 1 FROM teams WHERE id = $1 FOR UPDATE`, [id]);
    if (rows.length === 0) throw notFound(`There is no team ${id}`);
    return this.teams.get(id, m);
  }

  private async uniqueName<T>(name: string, run: () => Promise<T>): Promise<T> {
    try {
      return await run();
    } catch (error) {
      if (isUniqueViolation(error)) throw duplicateName(name);
      throw error;
    }
  }

  /** The escalation target must be a manager or an admin. */
  private async assertManager(
    m: EntityManager,
    managerId: string | null | undefined,
  ): Promise<void> {
    if (!managerId) return;
    const [user] = (await m.query(`SELECT name, role FROM users WHERE id = $1`, [managerId])) as {
      name: string;
      role: string;
    }[];
    if (!user) throw invalidField('managerId', `there is no person ${managerId}`);
    if (user.role === 'rep') {
      throw invalidField(
        'managerId',
        `${user.name} is a rep; a team manager must be a manager or an admin`,
      );
    }
  }

  /** Members own leads, so they must be reps or managers (admins cannot own leads). */
  private async replaceMembers(
    m: EntityManager,
    teamId: string,
    userIds: string[],
    path: string,
  ): Promise<void> {
    if (userIds.length > 0) {
      const found: { id: string; name: string; role: string }[] = await m.query(
        `SELECT id, name, role FROM users WHERE id = ANY($1::uuid[])`,
        [userIds],
      );
      const missing = userIds.filter((id) => !found.some((u) => u.id === id));
      if (missing.length > 0) throw invalidField(path, `there is no person ${missing.join(', ')}`);
      const admins = found.filter((u) => u.role === 'admin');
      if (admins.length > 0) {
        throw invalidField(
          path,
          `${quoteList(admins.map((a) => a.name))}: admins cannot own leads, so they cannot be team members`,
        );
      }
    }
    await m.getRepository(TeamMemberEntity).delete({ teamId });
    if (userIds.length > 0) {
      await m.getRepository(TeamMemberEntity).insert(userIds.map((userId) => ({ teamId, userId })));
    }
  }
}
