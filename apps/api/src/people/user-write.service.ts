import { Inject, Injectable } from '@nestjs/common';
import type {
  CreateUser,
  CurrentUser,
  Role,
  UpdateUser,
  UserField,
  UserRemoval,
  UserView,
} from '@baton/api-contract';
import { DataSource, type EntityManager, UserEntity } from '@baton/db';
import { AuditLogService } from '../audit/audit-log.service';
import { hashPassword } from '../auth/password-hasher';
import { changedFields } from './audit-diff';
import { conflict, invalidField, isUniqueViolation, notFound } from './people-errors';
import { assertScheduleExists, quoteList } from './references';
import { assertMayEditUser } from './user-edit-policy';
import { UserReadService } from './user-read.service';
import { userAuditSnapshot } from './user-view';

const duplicateEmail = (email: string) =>
  conflict(`There is already a person with the email ${email}`);

/** Creates, changes and removes people; every change is audited in its own transaction. */
@Injectable()
export class UserWriteService {
  constructor(
    @Inject(DataSource) private readonly db: DataSource,
    @Inject(UserReadService) private readonly users: UserReadService,
    @Inject(AuditLogService) private readonly audit: AuditLogService,
  ) {}

  async create(actor: CurrentUser, body: CreateUser): Promise<UserView> {
    const passwordHash = body.password ? await hashPassword(body.password) : null;
    try {
      return await this.db.transaction(async (m) => {
        if (await m.getRepository(UserEntity).existsBy({ email: body.email })) {
          throw duplicateEmail(body.email);
        }
        await assertScheduleExists(m, body.scheduleId);
        const inserted = await m.getRepository(UserEntity).insert({
          email: body.email,
          name: body.name,
          role: body.role,
          passwordHash,
          status: body.status ?? 'available',
          capacity: body.capacity ?? null,
          weight: body.weight ?? 1,
          skills: body.skills ?? [],
          territories: body.territories ?? [],
          scheduleId: body.scheduleId ?? null,
        });
        const id = (inserted.identifiers[0] as { id: string }).id;
        const view = await this.users.get(id, m);
        await this.audit.record(
          {
            actorId: actor.id,
            action: 'user.create',
            entityType: 'user',
            entityId: id,
            after: userAuditSnapshot(view),
          },
          m,
        );
        return view;
      });
    } catch (error) {
      if (isUniqueViolation(error)) throw duplicateEmail(body.email);
      throw error;
    }
  }

  async update(editor: CurrentUser, id: string, body: UpdateUser): Promise<UserView> {
    const fields = Object.keys(body) as UserField[];
    try {
      return await this.db.transaction(async (m) => {
        // The policy runs before the existence check, so nobody learns about people they may not edit.
        const managesTarget = editor.role === 'manager' && (await this.manages(m, editor.id, id));
        assertMayEditUser({ editor, targetId: id, managesTarget }, fields);
        const locked: unknown[] = await m.query(`SELECT 1 FROM users WHERE id = $1 FOR UPDATE`, [
          id,
        ]);
        if (locked.length === 0) throw notFound(`There is no person ${id}`);
        const before = await this.users.get(id, m);

        await assertScheduleExists(m, body.scheduleId);
        if (body.role && body.role !== before.role) {
          // Teams left in the same request do not stand in the way of becoming an admin.
          const teams = body.teamIds
            ? before.teams.filter((t) => body.teamIds?.includes(t.id))
            : before.teams;
          await this.assertRoleChange(m, { ...before, teams }, body.role);
        }
        if (body.email && body.email !== before.email) {
          if (await m.getRepository(UserEntity).existsBy({ email: body.email }))
            throw duplicateEmail(body.email);
        }
        const patch = toPatch(body);
        if (Object.keys(patch).length > 0) await m.getRepository(UserEntity).update({ id }, patch);
        if (body.teamIds)
          await this.replaceTeams(m, before, body.role ?? before.role, body.teamIds);

        const after = await this.users.get(id, m);
        const diff = changedFields(userAuditSnapshot(before), userAuditSnapshot(after));
        if (Object.keys(diff.after).length > 0) {
          await this.audit.record(
            {
              actorId: editor.id,
              action: 'user.update',
              entityType: 'user',
              entityId: id,
              ...diff,
            },
            m,
          );
        }
        return after;
      });
    } catch (error) {
      if (isUniqueViolation(error) && body.email) throw duplicateEmail(body.email);
      throw error;
    }
  }

  /**
   * Deletes a person with no history. Anyone who owns or owned leads, acted on one, changed
   * anything or published a flow is deactivated instead, so timelines and the audit log keep
   * their name: set to away, taken out of every team (and as team manager), password removed,
   * signed out everywhere. Their leads keep their owner until someone reassigns them.
   */
  async remove(actor: CurrentUser, id: string): Promise<UserRemoval> {
    if (actor.id === id) throw conflict('You cannot remove yourself; ask another admin');
    return this.db.transaction(async (m) => {
      const locked: unknown[] = await m.query(`SELECT 1 FROM users WHERE id = $1 FOR UPDATE`, [id]);
      if (locked.length === 0) throw notFound(`There is no person ${id}`);
      const before = await this.users.get(id, m);
      const base = { actorId: actor.id, entityType: 'user' as const, entityId: id };

      if (!(await this.hasHistory(m, id))) {
        await m.query(`DELETE FROM users WHERE id = $1`, [id]);
        await this.audit.record(
          { ...base, action: 'user.delete', before: userAuditSnapshot(before) },
          m,
        );
        return { outcome: 'deleted', user: null, message: `${before.name} was deleted` };
      }

      await m.query(
        `UPDATE users SET status = 'away', password_hash = NULL, updated_at = now() WHERE id = $1`,
        [id],
      );
      await m.query(`DELETE FROM team_members WHERE user_id = $1`, [id]);
      const unmanaged: { name: string }[] = await m.query(
        `UPDATE teams SET manager_id = NULL WHERE manager_id = $1 RETURNING name`,
        [id],
      );
      const sessions: unknown[] = await m.query(
        `DELETE FROM sessions WHERE user_id = $1 RETURNING id`,
        [id],
      );
      // Their API tokens act as them, so they stop too (kept, revoked, for the audit trail).
      const [, revokedTokens] = (await m.query(
        `UPDATE api_tokens SET revoked_at = now(), revoked_by_id = $2 WHERE user_id = $1 AND revoked_at IS NULL`,
        [id, actor.id],
      )) as [unknown, number];
      const after = await this.users.get(id, m);
      await this.audit.record(
        {
          ...base,
          action: 'user.deactivate',
          before: userAuditSnapshot(before),
          after: {
            ...userAuditSnapshot(after),
            noLongerManages: unmanaged.map((t) => t.name),
            signedOutSessions: sessions.length,
            revokedApiTokens: revokedTokens,
          },
        },
        m,
      );
      const parts = [
        `${before.name} has lead history, so they were deactivated instead of deleted: set to away, signed out, password removed`,
        before.teams.length > 0
          ? `taken out of ${quoteList(before.teams.map((t) => t.name))}`
          : null,
        unmanaged.length > 0
          ? `no longer manager of ${quoteList(unmanaged.map((t) => t.name))}`
          : null,
      ].filter(Boolean);
      const leads =
        after.openLeads > 0
          ? `. They still own ${after.openLeads} open lead(s); reassign them`
          : '';
      return { outcome: 'deactivated', user: after, message: `${parts.join('; ')}${leads}` };
    });
  }

  /** Puts the person in exactly these teams; admins own no leads, so they belong to none. */
  private async replaceTeams(
    m: EntityManager,
    user: UserView,
    role: Role,
    teamIds: string[],
  ): Promise<void> {
    if (teamIds.length > 0) {
      if (role === 'admin') {
        throw invalidField(
          'teamIds',
          `${user.name} is an admin; admins cannot own leads, so they cannot be team members`,
        );
      }
      const found: { id: string }[] = await m.query(
        `SELECT id FROM teams WHERE id = ANY($1::uuid[])`,
        [teamIds],
      );
      const missing = teamIds.filter((t) => !found.some((f) => f.id === t));
      if (missing.length > 0)
        throw invalidField('teamIds', `there is no team ${missing.join(', ')}`);
    }
    await m.query(`DELETE FROM team_members WHERE user_id = $1`, [user.id]);
    if (teamIds.length > 0) {
      await m.query(`INSERT INTO team_members (team_id, user_id) SELECT unnest($1::uuid[]), $2`, [
        teamIds,
        user.id,
      ]);
    }
  }

  private async manages(m: EntityManager, managerId: string, userId: string): Promise<boolean> {
    const rows: unknown[] = await m.query(
      `SELECT 1 FROM team_members tm JOIN teams t ON t.id = tm.team_id
       WHERE tm.user_id = $1 AND t.manager_id = $2 LIMIT 1`,
      [userId, managerId],
    );
    return rows.length > 0;
  }

  /** Role changes that would leave the system or a team in a broken state are refused. */
  private async assertRoleChange(m: EntityManager, user: UserView, role: Role): Promise<void> {
    if (user.role === 'admin') {
      const [others] = (await m.query(
        `SELECT count(*)::int AS n FROM users WHERE role = 'admin' AND id <> $1`,
        [user.id],
      )) as { n: number }[];
      if (!others?.n)
        throw conflict(`${user.name} is the only admin; make someone else an admin first`);
    }
    if (role === 'admin' && user.teams.length > 0) {
      throw conflict(
        `Take ${user.name} out of ${quoteList(user.teams.map((t) => t.name))} first: admins cannot own leads`,
      );
    }
    if (role === 'rep') {
      const managed: { name: string }[] = await m.query(
        `SELECT name FROM teams WHERE manager_id = $1 ORDER BY name`,
        [user.id],
      );
      if (managed.length > 0) {
        throw conflict(
          `${user.name} manages ${quoteList(managed.map((t) => t.name))}; give those teams another manager first`,
        );
      }
    }
  }

  private async hasHistory(m: EntityManager, id: string): Promise<boolean> {
    const [row] = (await m.query(
      `SELECT EXISTS (SELECT 1 FROM leads WHERE owner_id = $1)
           OR EXISTS (SELECT 1 FROM lead_events WHERE actor_id = $1 OR strpos(data::text, $1::text) > 0)
           OR EXISTS (SELECT 1 FROM audit_log WHERE actor_id = $1)
           OR EXISTS (SELECT 1 FROM flow_versions WHERE published_by_id = $1) AS has_history`,
      [id],
    )) as { has_history: boolean }[];
    return row?.has_history ?? false;
  }
}

function toPatch(body: UpdateUser): Partial<UserEntity> {
  const { clearFlag, outOfOfficeUntil, teamIds: _teamIds, ...plain } = body;
  return {
    ...plain,
    ...(outOfOfficeUntil !== undefined
      ? { outOfOfficeUntil: outOfOfficeUntil === null ? null : new Date(outOfOfficeUntil) }
      : {}),
    ...(clearFlag ? { flaggedAt: null, flagReason: null } : {}),
  };
}
