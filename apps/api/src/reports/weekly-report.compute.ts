import type { WeeklyReport, WeeklyReportRep } from '@baton/api-contract';
import type { DataSource } from '@baton/db';
import {
  handoffCompletionQuery,
  type HandoffCompletionRow,
} from '../metrics/queries/handoff-completion.query';
import { leadAgingQuery, type LeadAgingRow } from '../metrics/queries/lead-aging.query';
import {
  type LeadScope,
  type MetricsWindow,
  receivedInWindow,
  scopedLeads,
} from '../metrics/queries/lead-scope.sql';
import { revenueLeakQuery, type RevenueLeakRow } from '../metrics/queries/revenue-leak.query';
import { roundSeconds, speedToLeadQuery } from '../metrics/queries/speed-to-lead.query';
import { SqlParams, type SqlQuery } from '../metrics/queries/sql-query';

const WEEK_MS = 7 * 86_400_000;
const DAY_NAMES = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
/** How many reps the best and worst lists name. */
const REPS_LISTED = 3;

export interface WeeklyReportOptions {
  defaultSlaMinutes: number;
  averageDealValue: number;
}

/** The week [weekStart, weekStart + 7 days): the email's week ends when its Schedule fires. */
export function weekStarting(weekStart: Date): MetricsWindow {
  return { from: weekStart, to: new Date(weekStart.getTime() + WEEK_MS) };
}
export function weekEnding(weekEnd: Date): MetricsWindow {
  return { from: new Date(weekEnd.getTime() - WEEK_MS), to: weekEnd };
}

/** Leads received per day of the window (UTC days, in window order), the chart's bars. */
function leadsPerDayQuery(scope: LeadScope, window: MetricsWindow): SqlQuery {
  const p = new SqlParams();
  const s = scopedLeads(scope, p, receivedInWindow(window, p));
  const from = p.add(window.from.toISOString(), 'timestamptz');
  return {
    text: `SELECT floor(date_part('epoch', l.received_at - ${from}) / 86400)::int AS day, count(*)::int AS leads
FROM leads l WHERE ${s.where} GROUP BY 1`,
    values: p.values,
  };
}

const share = (part: number, whole: number) => (whole === 0 ? null : part / whole);

/**
 * One team's week, from the same query builders as /metrics (so the numbers match the dashboard):
 * speed to lead, SLA attainment and completion over routed leads, aging at week end, revenue leak
 * (without after-hours splitting), and reps ranked by median speed to lead.
 */
export async function computeWeeklyReport(
  db: Pick<DataSource, 'query'>,
  teamId: string,
  window: MetricsWindow,
  options: WeeklyReportOptions,
): Promise<WeeklyReport> {
  const total: LeadScope = { groupBy: 'none', teamId };
  const byRep: LeadScope = { groupBy: 'rep', teamId };
  const run = <T>(q: SqlQuery) => db.query(q.text, q.values) as Promise<T[]>;

  const [teamRows, speedRows, [completion], [aging], leakRows, dayRows] = await Promise.all([
    run<{ id: string; name: string }>({
      text: `SELECT id, name FROM teams WHERE id = $1`,
      values: [teamId],
    }),
    run<Record<string, unknown>>(speedToLeadQuery(byRep, window)),
    run<HandoffCompletionRow>(handoffCompletionQuery(total, window, options.defaultSlaMinutes)),
    run<LeadAgingRow>(leadAgingQuery(total, window.to)),
    run<RevenueLeakRow>(revenueLeakQuery(total, window, options.averageDealValue, null)),
    run<{ day: number; leads: number }>(leadsPerDayQuery(total, window)),
  ]);
  const [team] = teamRows;
  if (!team) throw new Error(`team ${teamId} not found`);

  const totalRow = speedRows.find((r) => r['is_total']) ?? {};
  const repRows = speedRows.filter((r) => !r['is_total'] && r['group_id'] !== null);
  const names = new Map(
    (
      await run<{ id: string; name: string }>({
        text: `SELECT id, name FROM users WHERE id = ANY($1::uuid[])`,
        values: [repRows.map((r) => r['group_id'])],
      })
    ).map((u) => [u.id, u.name]),
  );
  const ranked: WeeklyReportRep[] = repRows
    .map((r) => ({
      userId: r['group_id'] as string,
      name: names.get(r['group_id'] as string) ?? 'Unknown',
      leads: r['leads'] as number,
      medianSecondsToContact: roundSeconds((r['speedToLead_median'] as number | null) ?? null),
    }))
    .filter((r) => r.medianSecondsToContact !== null)
    .sort((a, b) => (a.medianSecondsToContact ?? 0) - (b.medianSecondsToContact ?? 0));
  // A rep is on one list only: with few reps the fast half is "best", the rest "worst".
  const best = ranked.slice(0, Math.min(REPS_LISTED, Math.ceil(ranked.length / 2)));
  const worst = ranked.slice(Math.max(best.length, ranked.length - REPS_LISTED)).reverse();

  const perDay = Array.from({ length: 7 }, (_, i) => {
    const date = new Date(window.from.getTime() + i * 86_400_000);
    return {
      day: `${DAY_NAMES[(date.getUTCDay() + 6) % 7]} ${date.toISOString().slice(5, 10)}`,
      leads: dayRows.find((d) => d.day === i)?.leads ?? 0,
    };
  });

  return {
    team: { id: team.id, name: team.name },
    weekStart: window.from.toISOString(),
    weekEnd: window.to.toISOString(),
    leads: (totalRow['leads'] as number | undefined) ?? 0,
    medianSecondsToContact: roundSeconds((totalRow['speedToLead_median'] as number | null) ?? null),
    slaAttainment: share(completion?.contacted_within_sla ?? 0, completion?.routed ?? 0),
    completion: share(completion?.contacted ?? 0, completion?.routed ?? 0),
    agingOpen: aging?.waiting ?? 0,
    leakedRevenue: leakRows.reduce((sum, r) => sum + Number(r.amount ?? 0), 0),
    perDay,
    bestReps: best,
    worstReps: worst,
  };
}
