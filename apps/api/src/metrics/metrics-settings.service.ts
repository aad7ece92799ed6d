import { Inject, Injectable, Logger } from '@nestjs/common';
import { type Schedule, scheduleSchema } from '@baton/flow';
import { DataSource } from '@baton/db';
import { openingsBetween, toMultirangeLiteral } from './after-hours';

export const AVERAGE_DEAL_VALUE_KEY = 'metrics.averageDealValue';
export const DEFAULT_SCHEDULE_KEY = 'defaultScheduleId';

export interface DefaultSchedule {
  id: string;
  name: string;
  schedule: Schedule;
}

const DAY_MS = 86_400_000;
const OPENINGS_CACHE_SIZE = 32;

/** The settings the metrics read, and the default schedule's openings (cached: see below). */
@Injectable()
export class MetricsSettingsService {
  private readonly logger = new Logger(MetricsSettingsService.name);
  private readonly openingsCache = new Map<string, string>();

  constructor(@Inject(DataSource) private readonly db: DataSource) {}

  /** `metrics.averageDealValue` (a JSON number >= 0); 0 when unset or not a number. */
  async averageDealValue(): Promise<number> {
    const [row] = (await this.db.query(`SELECT value FROM settings WHERE key = $1`, [
      AVERAGE_DEAL_VALUE_KEY,
    ])) as { value: unknown }[];
    const value = row?.value;
    if (value === undefined) return 0;
    if (typeof value === 'number' && Number.isFinite(value) && value >= 0) return value;
    this.logger.warn(`${AVERAGE_DEAL_VALUE_KEY} is not a number >= 0; using 0`);
    return 0;
  }

  /** The schedule named by the `defaultScheduleId` setting, or null (unset, gone or invalid). */
  async defaultSchedule(): Promise<DefaultSchedule | null> {
    const [row] = (await this.db.query(
      `SELECT s.id, s.name, s.time_zone, s.weekly, s.holidays
       FROM settings st JOIN schedules s ON s.id::text = st.value #>> '{}'
       WHERE st.key = $1 AND jsonb_typeof(st.value) = 'string'`,
      [DEFAULT_SCHEDULE_KEY],
    )) as { id: string; name: string; time_zone: string; weekly: unknown; holidays: unknown }[];
    if (!row) return null;
    const parsed = scheduleSchema.safeParse({
      timeZone: row.time_zone,
      weekly: row.weekly,
      holidays: row.holidays,
    });
    if (!parsed.success) {
      this.logger.warn(`The default schedule ${row.id} is invalid; no after-hours split`);
      return null;
    }
    return { id: row.id, name: row.name, schedule: parsed.data };
  }

  /**
   * The schedule's openings covering [from, to) as a tstzmultirange literal. Walking openings
   * costs about half a millisecond each (zone-aware), so ~130 ms for a 366-day window; results
   * are computed over whole UTC days and cached per schedule and day span, so the dashboard's
   * repeated requests (whose `to` is "now") reuse them.
   */
  openingsLiteral(schedule: Schedule, from: Date, to: Date): string {
    const dayFrom = new Date(Math.floor(from.getTime() / DAY_MS) * DAY_MS);
    const dayTo = new Date(Math.ceil(to.getTime() / DAY_MS) * DAY_MS + DAY_MS);
    const key = `${JSON.stringify(schedule)}|${dayFrom.toISOString()}|${dayTo.toISOString()}`;
    const cached = this.openingsCache.get(key);
    if (cached !== undefined) return cached;
    const literal = toMultirangeLiteral(openingsBetween(schedule, dayFrom, dayTo));
    if (this.openingsCache.size >= OPENINGS_CACHE_SIZE) {
      const oldest = this.openingsCache.keys().next().value;
      if (oldest !== undefined) this.openingsCache.delete(oldest);
    }
    this.openingsCache.set(key, literal);
    return literal;
  }
}
