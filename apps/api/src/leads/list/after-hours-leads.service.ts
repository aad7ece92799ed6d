import { Inject, Injectable } from '@nestjs/common';
import { scheduleSchema } from '@baton/flow';
import { DataSource } from '@baton/db';
import { MetricsSettingsService } from '../../metrics/metrics-settings.service';
import type { SqlParams } from '../../metrics/queries/sql-query';

/** How far back the after-hours view looks: openings are walked in TypeScript (see after-hours.ts). */
export const AFTER_HOURS_LOOKBACK_DAYS = 366;
const DAY_MS = 86_400_000;

/**
 * Which leads arrived after hours: received outside the schedule that applies to them (their
 * team's working hours, else the default schedule; with neither, never after hours). Each
 * schedule's openings become a tstzmultirange, so the test runs in SQL like the revenue-leak
 * query's, with the same semantics as the flow's business_hours node (@baton/flow).
 */
@Injectable()
export class AfterHoursLeadsService {
  constructor(
    @Inject(DataSource) private readonly db: DataSource,
    @Inject(MetricsSettingsService) private readonly settings: MetricsSettingsService,
  ) {}

  /** A condition on `leads l` for "received after hours", bound lazily into a query's params. */
  async condition(now = new Date()): Promise<(p: SqlParams) => string> {
    const from = new Date(now.getTime() - AFTER_HOURS_LOOKBACK_DAYS * DAY_MS);
    const rows: { id: string; time_zone: string; weekly: unknown; holidays: unknown }[] =
      await this.db.query(
        `SELECT s.id, s.time_zone, s.weekly, s.holidays FROM schedules s
         WHERE s.id IN (SELECT schedule_id FROM teams WHERE schedule_id IS NOT NULL)`,
      );
    const fallback = await this.settings.defaultSchedule();
    const openings = new Map<string, string>();
    for (const row of rows) {
      const parsed = scheduleSchema.safeParse({
        timeZone: row.time_zone,
        weekly: row.weekly,
        holidays: row.holidays,
      });
      if (parsed.success)
        openings.set(row.id, this.settings.openingsLiteral(parsed.data, from, now));
    }
    if (fallback && !openings.has(fallback.id)) {
      openings.set(fallback.id, this.settings.openingsLiteral(fallback.schedule, from, now));
    }
    return (p) => {
      if (openings.size === 0) return 'false';
      const applies = `coalesce((SELECT tt.schedule_id FROM teams tt WHERE tt.id = l.team_id), ${p.add(
        fallback?.id ?? null,
        'uuid',
      )})`;
      const cases = [...openings]
        .map(
          ([id, literal]) => `WHEN ${p.add(id, 'uuid')} THEN ${p.add(literal, 'tstzmultirange')}`,
        )
        .join(' ');
      // A lead with no schedule that applies gets NULL here, which counts as not after hours.
      return `l.received_at >= ${p.add(from.toISOString(), 'timestamptz')}
        AND NOT (l.received_at <@ (CASE ${applies} ${cases} END))`;
    };
  }
}
