import { Inject, Injectable } from '@nestjs/common';
import {
  type CurrentUser,
  type HandoffMetrics,
  type HandoffMetricsQuery,
  type HandoffMetricsRow,
  metricsWindowProblem,
  resolveMetricsWindow,
  responseBucketKeys,
} from '@baton/api-contract';
import { DataSource } from '@baton/db';
import { byGroupName, nameGroups } from './group-names';
import { MetricsClock } from './metrics-clock';
import { metricsBadRequest } from './metrics-errors';
import { filtersOf, scopeFor } from './metrics-scope';
import { MetricsSettingsService } from './metrics-settings.service';
import {
  type ConversionRow,
  conversionByResponseTimeQuery,
} from './queries/conversion-by-response-time.query';
import {
  type HandoffCompletionRow,
  handoffCompletionQuery,
} from './queries/handoff-completion.query';
import type { ScopedRow } from './queries/lead-scope.sql';
import { type RevenueLeakRow, revenueLeakQuery } from './queries/revenue-leak.query';
import { readDurations, speedToLeadQuery } from './queries/speed-to-lead.query';
import type { SqlQuery } from './queries/sql-query';

const keyOf = (r: ScopedRow) => (r.is_total ? 'total' : `group:${r.group_id ?? ''}`);
const ratio = (part: number, whole: number) => (whole > 0 ? part / whole : null);
const money = (v: number) => Math.round(v * 100) / 100;

function indexBy<T extends ScopedRow>(rows: T[]): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const r of rows) map.set(keyOf(r), [...(map.get(keyOf(r)) ?? []), r]);
  return map;
}

@Injectable()
export class HandoffMetricsService {
  constructor(
    @Inject(DataSource) private readonly db: DataSource,
    @Inject(MetricsSettingsService) private readonly settings: MetricsSettingsService,
    @Inject(MetricsClock) private readonly clock: MetricsClock,
  ) {}

  async handoff(user: CurrentUser, query: HandoffMetricsQuery): Promise<HandoffMetrics> {
    const scope = scopeFor(user, query);
    const window = resolveMetricsWindow(query, this.clock.now());
    const problem = metricsWindowProblem(window);
    if (problem) throw metricsBadRequest(problem.path, problem.message);

    const [averageDealValue, schedule] = await Promise.all([
      this.settings.averageDealValue(),
      this.settings.defaultSchedule(),
    ]);
    const openings = schedule
      ? this.settings.openingsLiteral(schedule.schedule, window.from, window.to)
      : null;

    // One read-only snapshot, so the four figures always agree with each other.
    const [durations, completion, conversion, leak] = await this.db.transaction(
      'REPEATABLE READ',
      async (m) => {
        await m.query('SET TRANSACTION READ ONLY');
        const run = <T>(q: SqlQuery) => m.query(q.text, q.values) as Promise<T[]>;
        return [
          await run<ScopedRow & Record<string, unknown>>(speedToLeadQuery(scope, window)),
          await run<HandoffCompletionRow>(
            handoffCompletionQuery(scope, window, query.defaultSlaMinutes),
          ),
          await run<ConversionRow>(conversionByResponseTimeQuery(scope, window)),
          await run<RevenueLeakRow>(revenueLeakQuery(scope, window, averageDealValue, openings)),
        ] as const;
      },
    );

    const completionBy = indexBy(completion);
    const conversionBy = indexBy(conversion);
    const leakBy = indexBy(leak);
    const rowFor = (
      key: string,
      durationRow: Record<string, unknown> | undefined,
    ): HandoffMetricsRow => {
      const d = readDurations(durationRow ?? {});
      const c = completionBy.get(key)?.[0];
      const routed = c?.routed ?? 0;
      const buckets = conversionBy.get(key) ?? [];
      const leakRows = leakBy.get(key) ?? [];
      const leakOf = (afterHours: boolean) => {
        const r = leakRows.find((l) => l.after_hours === afterHours);
        return { leads: r?.leads ?? 0, amount: money(r?.amount ?? 0) };
      };
      const reference = leakRows[0];
      return {
        leads: d.leads,
        speedToLead: d.speedToLead,
        firstResponse: d.firstResponse,
        timeToAssign: d.timeToAssign,
        timeToAcknowledge: d.timeToAcknowledge,
        handoff: {
          routed,
          contacted: c?.contacted ?? 0,
          contactedWithinSla: c?.contacted_within_sla ?? 0,
          completionRate: ratio(c?.contacted ?? 0, routed),
          slaAttainment: ratio(c?.contacted_within_sla ?? 0, routed),
        },
        conversionByResponseTime: responseBucketKeys.map((bucket, i) => {
          const b = buckets.find((r) => r.bucket === i);
          return {
            bucket,
            leads: b?.leads ?? 0,
            converted: b?.converted ?? 0,
            conversionRate: ratio(b?.converted ?? 0, b?.leads ?? 0),
          };
        }),
        revenueLeak: {
          averageDealValue,
          referenceBucket:
            reference?.reference_bucket == null
              ? null
              : (responseBucketKeys[reference.reference_bucket] ?? null),
          referenceConversionRate: reference?.reference_rate ?? null,
          duringHours: leakOf(false),
          afterHours: leakOf(true),
        },
      };
    };

    const groupRows = durations.filter((r) => !r.is_total);
    const names = await nameGroups(
      this.db,
      scope.groupBy,
      groupRows.map((r) => r.group_id),
    );
    return {
      window: { from: window.from.toISOString(), to: window.to.toISOString() },
      groupBy: scope.groupBy,
      filters: filtersOf(scope),
      defaultSlaMinutes: query.defaultSlaMinutes,
      afterHoursSchedule: schedule
        ? { id: schedule.id, name: schedule.name, timeZone: schedule.schedule.timeZone }
        : null,
      total: rowFor(
        'total',
        durations.find((r) => r.is_total),
      ),
      groups: groupRows
        .map((r) => ({
          group: names.get(r.group_id) ?? { id: r.group_id, name: String(r.group_id) },
          ...rowFor(keyOf(r), r),
        }))
        .sort(byGroupName),
    };
  }
}
