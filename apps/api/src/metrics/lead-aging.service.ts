import { Inject, Injectable } from '@nestjs/common';
import {
  type CurrentUser,
  type LeadAging,
  type LeadAgingQuery,
  type LeadAgingRow,
  timedBucketKeys,
} from '@baton/api-contract';
import { DataSource } from '@baton/db';
import { byGroupName, nameGroups } from './group-names';
import { MetricsClock } from './metrics-clock';
import { filtersOf, scopeFor } from './metrics-scope';
import { leadAgingQuery, type LeadAgingRow as AgingSqlRow } from './queries/lead-aging.query';
import { roundSeconds } from './queries/speed-to-lead.query';

function toRow(r: AgingSqlRow | undefined): LeadAgingRow {
  return {
    waiting: r?.waiting ?? 0,
    pastSla: r?.past_sla ?? 0,
    oldestSeconds: roundSeconds(r?.oldest ?? null),
    medianSeconds: roundSeconds(r?.median ?? null),
    buckets: timedBucketKeys.map((bucket, i) => ({ bucket, leads: r?.[`bucket_${i}`] ?? 0 })),
  };
}

@Injectable()
export class LeadAgingService {
  constructor(
    @Inject(DataSource) private readonly db: DataSource,
    @Inject(MetricsClock) private readonly clock: MetricsClock,
  ) {}

  async aging(user: CurrentUser, query: LeadAgingQuery): Promise<LeadAging> {
    const scope = scopeFor(user, query);
    const asOf = this.clock.now();
    const q = leadAgingQuery(scope, asOf);
    const rows = (await this.db.query(q.text, q.values)) as AgingSqlRow[];
    const groupRows = rows.filter((r) => !r.is_total);
    const names = await nameGroups(
      this.db,
      scope.groupBy,
      groupRows.map((r) => r.group_id),
    );
    return {
      asOf: asOf.toISOString(),
      groupBy: scope.groupBy,
      filters: filtersOf(scope),
      total: toRow(rows.find((r) => r.is_total)),
      groups: groupRows
        .map((r) => ({
          group: names.get(r.group_id) ?? { id: r.group_id, name: String(r.group_id) },
          ...toRow(r),
        }))
        .sort(byGroupName),
    };
  }
}
