import { ConflictException, Inject, Injectable } from '@nestjs/common';
import {
  BACKTEST_LISTED_DIFFERENCES,
  type FlowBacktest,
  type FlowBacktestRoute,
} from '@baton/api-contract';
import { DataSource } from '@baton/db';
import {
  backtest,
  type BacktestAssignee,
  type BacktestGroupSide,
  type BacktestRoute,
  type FlowGraph,
} from '@baton/flow';
import { loadBacktestLeads } from './backtest-leads';
import { FlowReadService } from './flow-read.service';
import { loadSimulationWorld, type SimulationWorld } from './simulation-roster';

/**
 * "What would the draft have done with our real leads?": replays the flow's most recent leads
 * through the live published version and through the draft, with today's roster, schedules and
 * rotations (read as simulate reads them), and reports which leads the draft routes differently.
 * Changes nothing.
 */
@Injectable()
export class FlowBacktestService {
  constructor(
    @Inject(DataSource) private readonly db: DataSource,
    @Inject(FlowReadService) private readonly read: FlowReadService,
  ) {}

  async backtest(id: string, limit: number): Promise<FlowBacktest> {
    const { draftGraph } = await this.read.draft(id);
    // The version new leads are routed by now (the one the draft would replace).
    const [published] = (await this.db.query(
      `SELECT v.version, v.graph FROM flows f JOIN flow_versions v ON v.id = f.published_version_id
       WHERE f.id = $1`,
      [id],
    )) as { version: number; graph: FlowGraph }[];
    if (!published) {
      throw new ConflictException(
        'This flow has no published version to compare the draft with; publish it first, then backtest changes to the draft.',
      );
    }
    const world = await loadSimulationWorld(this.db);
    const { leadsFrom, leads } = await loadBacktestLeads(this.db, id, limit);
    const report = backtest(published.graph, draftGraph, leads, world, {
      listLimit: BACKTEST_LISTED_DIFFERENCES,
    });
    const names = namesIn(world);
    const leadNames = new Map(leads.map((l) => [l.id, l.name]));
    return {
      flowId: id,
      publishedVersion: published.version,
      leadsFrom,
      limit,
      compared: report.compared,
      same: report.same,
      differing: report.differing,
      groups: report.groups.map((g) => ({
        published: toSideView(g.published, names),
        draft: toSideView(g.draft, names),
        count: g.count,
      })),
      differences: report.differences.map((d) => ({
        leadId: d.leadId,
        leadName: leadNames.get(d.leadId) ?? '',
        receivedAt: d.receivedAt.toISOString(),
        changed: d.changed,
        published: toRouteView(d.published, names),
        draft: toRouteView(d.draft, names),
      })),
      listLimit: BACKTEST_LISTED_DIFFERENCES,
      draftProblems: report.problems.draft,
    };
  }
}

interface Names {
  person: (id: string) => string | null;
  team: (id: string) => string | null;
}

function namesIn(world: SimulationWorld): Names {
  const people = new Map(world.roster.map((p) => [p.id, p.name]));
  const teams = new Map(world.teams.map((t) => [t.id, t.name ?? null]));
  return {
    person: (id) => people.get(id) ?? null,
    team: (id) => teams.get(id) ?? null,
  };
}

function toRouteView(route: BacktestRoute, names: Names): FlowBacktestRoute {
  const { ownerId, teamId, ...rest } = route;
  return {
    ...rest,
    owner: ownerId ? { id: ownerId, name: names.person(ownerId) } : null,
    team: teamId ? { id: teamId, name: names.team(teamId) } : null,
  };
}

function toSideView(
  side: BacktestGroupSide,
  names: Names,
): FlowBacktest['groups'][number]['draft'] {
  return { ...side, assignee: assigneeView(side.assignee, names) };
}

function assigneeView(a: BacktestAssignee, names: Names) {
  if (!a) return null;
  return { ...a, name: a.kind === 'team' ? names.team(a.id) : names.person(a.id) };
}
