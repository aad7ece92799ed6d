import { Inject, Injectable } from '@nestjs/common';
import type { CurrentUser, DemoData, DemoDataRemoved } from '@baton/api-contract';
import { DataSource } from '@baton/db';
import { AuditLogService } from '../audit/audit-log.service';
import { SAMPLE_HISTORY_KEY } from '../seed/sample-history/sample-history.seed';

/** The demo's sample history: how much is left, and removing it (only rows marked `sample`). */
@Injectable()
export class DemoDataService {
  constructor(
    @Inject(DataSource) private readonly db: DataSource,
    @Inject(AuditLogService) private readonly audit: AuditLogService,
  ) {}

  async status(): Promise<DemoData> {
    const [row]: { n: number }[] = await this.db.query(
      `SELECT count(*)::int AS n FROM leads WHERE sample`,
    );
    return { sampleLeads: row?.n ?? 0 };
  }

  /**
   * Deletes the sample leads; their events, alerts and corrections go with them (ON DELETE
   * CASCADE). Real leads have `sample = false` and are never touched. A repeat removes nothing
   * and records nothing. The seed's marker stays, so a restart does not seed them again.
   */
  async remove(actor: CurrentUser): Promise<DemoDataRemoved> {
    return this.db.transaction(async (m) => {
      const [, removedLeads]: [unknown, number] = await m.query(`DELETE FROM leads WHERE sample`);
      if (removedLeads > 0) {
        await this.audit.record(
          {
            actorId: actor.id,
            action: 'demo_data.remove',
            entityType: 'setting',
            entityId: SAMPLE_HISTORY_KEY,
            before: { sampleLeads: removedLeads },
            after: { sampleLeads: 0 },
          },
          m,
        );
      }
      return { removedLeads };
    });
  }
}
