import { Inject, Injectable } from '@nestjs/common';
import type { CurrentUser, ScheduleBody, ScheduleView } from '@baton/api-contract';
import { DataSource, type EntityManager, ScheduleEntity } from '@baton/db';
import { AuditLogService } from '../audit/audit-log.service';
import { changedFields } from './audit-diff';
import { conflict, notFound } from './people-errors';
import { quoteList } from './references';
import { scheduleAuditSnapshot, ScheduleReadService } from './schedule-read.service';

const columns = (body: ScheduleBody) => ({
  name: body.name,
  timeZone: body.timeZone,
  weekly: body.weekly,
  holidays: body.holidays,
  holidayNames: body.holidayNames,
});

/** Creates, replaces and deletes schedules (admins and managers, audited). */
@Injectable()
export class ScheduleWriteService {
  constructor(
    @Inject(DataSource) private readonly db: DataSource,
    @Inject(ScheduleReadService) private readonly schedules: ScheduleReadService,
    @Inject(AuditLogService) private readonly audit: AuditLogService,
  ) {}

  async create(actor: CurrentUser, body: ScheduleBody): Promise<ScheduleView> {
    return this.db.transaction(async (m) => {
      const inserted = await m.getRepository(ScheduleEntity).insert(columns(body));
      const id = (inserted.identifiers[0] as { id: string }).id;
      const view = await this.schedules.get(id, m);
      await this.audit.record(
        {
          actorId: actor.id,
          action: 'schedule.create',
          entityType: 'schedule',
          entityId: id,
          after: scheduleAuditSnapshot(view),
        },
        m,
      );
      return view;
    });
  }

  /** A schedule is one document: the body replaces it whole. */
  async replace(actor: CurrentUser, id: string, body: ScheduleBody): Promise<ScheduleView> {
    return this.db.transaction(async (m) => {
      const before = await this.lock(m, id);
      await m.getRepository(ScheduleEntity).update({ id }, columns(body));
      const after = await this.schedules.get(id, m);
      const diff = changedFields(scheduleAuditSnapshot(before), scheduleAuditSnapshot(after));
      if (Object.keys(diff.after).length > 0) {
        await this.audit.record(
          {
            actorId: actor.id,
            action: 'schedule.update',
            entityType: 'schedule',
            entityId: id,
            ...diff,
          },
          m,
        );
      }
      return after;
    });
  }

  /**
   * Refused while anything follows the schedule (people, teams, a flow's business-hours or
   * delay node, a setting): deleting it would silently make them "always open".
   */
  async remove(actor: CurrentUser, id: string): Promise<void> {
    await this.db.transaction(async (m) => {
      const before = await this.lock(m, id);
      const settings: { key: string }[] = await m.query(
        `SELECT key FROM settings WHERE strpos(value::text, $1) > 0 ORDER BY key`,
        [id],
      );
      const uses = [
        before.usedBy.users > 0 ? `${before.usedBy.users} person(s)` : null,
        before.usedBy.teamNames.length > 0 ? `team ${quoteList(before.usedBy.teamNames)}` : null,
        before.usedBy.flows.length > 0 ? `flow ${quoteList(before.usedBy.flows)}` : null,
        settings.length > 0 ? `setting ${quoteList(settings.map((s) => s.key))}` : null,
      ].filter(Boolean);
      if (uses.length > 0) {
        throw conflict(
          `"${before.name}" is used by ${uses.join(', ')}; move them to another schedule first`,
        );
      }
      await m.getRepository(ScheduleEntity).delete({ id });
      await this.audit.record(
        {
          actorId: actor.id,
          action: 'schedule.delete',
          entityType: 'schedule',
          entityId: id,
          before: scheduleAuditSnapshot(before),
        },
        m,
      );
    });
  }

  private async lock(m: EntityManager, id: string): Promise<ScheduleView> {
    const rows: unknown[] = await m.query(`SELECT 1 FROM schedules WHERE id = $1 FOR UPDATE`, [id]);
    if (rows.length === 0) throw notFound(`There is no schedule ${id}`);
    return this.schedules.get(id, m);
  }
}
