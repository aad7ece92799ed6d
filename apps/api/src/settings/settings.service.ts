import { BadRequestException, Inject, Injectable } from '@nestjs/common';
import type { CurrentUser, Settings, UpdateSettings } from '@baton/api-contract';
import { DataSource } from '@baton/db';
import { AuditLogService } from '../audit/audit-log.service';

/** Setting name in the API → key in the settings table (the worker and metrics read these keys). */
const KEYS: Record<keyof Settings, string> = {
  averageDealValue: 'metrics.averageDealValue',
  defaultScheduleId: 'defaultScheduleId',
};

@Injectable()
export class SettingsService {
  constructor(
    @Inject(DataSource) private readonly db: DataSource,
    @Inject(AuditLogService) private readonly audit: AuditLogService,
  ) {}

  async get(): Promise<Settings> {
    const rows = (await this.db.query(`SELECT key, value FROM settings WHERE key = ANY($1)`, [
      Object.values(KEYS),
    ])) as {
      key: string;
      value: unknown;
    }[];
    const value = (name: keyof Settings) => rows.find((r) => r.key === KEYS[name])?.value;
    const deal = value('averageDealValue');
    const schedule = value('defaultScheduleId');
    return {
      averageDealValue: typeof deal === 'number' ? deal : 0,
      defaultScheduleId: typeof schedule === 'string' ? schedule : null,
    };
  }

  async update(actor: CurrentUser, changes: UpdateSettings): Promise<Settings> {
    if (changes.defaultScheduleId) {
      const [found] = (await this.db.query(`SELECT 1 FROM schedules WHERE id = $1`, [
        changes.defaultScheduleId,
      ])) as unknown[];
      if (!found) {
        throw new BadRequestException({
          error: 'Bad Request',
          message: 'defaultScheduleId: no such schedule',
          issues: [{ path: 'defaultScheduleId', message: 'no such schedule' }],
        });
      }
    }
    const before = await this.get();
    await this.db.transaction(async (m) => {
      for (const [name, value] of Object.entries(changes) as [keyof Settings, unknown][]) {
        if (value === null) await m.query(`DELETE FROM settings WHERE key = $1`, [KEYS[name]]);
        else {
          await m.query(
            `INSERT INTO settings (key, value) VALUES ($1, $2) ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value`,
            [KEYS[name], JSON.stringify(value)],
          );
        }
        await this.audit.record(
          {
            actorId: actor.id,
            action: 'setting.update',
            entityType: 'setting',
            entityId: name,
            before: { value: before[name] },
            after: { value },
          },
          m,
        );
      }
    });
    return this.get();
  }
}
