import type { RosterPerson } from '../assignment/roster';
import type { Schedule } from '../business-time/schedule.schema';
import type { AssignConfig } from '../nodes/assign/assign.node';
import type { EndOutcome } from '../nodes/end/end.node';
import type { GraphProblem } from '../validation/graph-problem';
import { prepareFlow, type PreparedFlow } from './prepared-flow';
import { simulatePrepared } from './simulate';
import type {
  SimulatedLead,
  SimulatedTeam,
  SimulationResult,
  SimulationStopCode,
} from './simulation.types';

/** A real lead as it arrived: what conditions read, what the qualify step said, and when. */
export interface BacktestLead {
  id: string;
  /** The facts under `lead.` (name, email, customFields, receivedAt, source, ...). */
  lead: SimulatedLead;
  /** The stored qualification, so the qualify step and the conditions read what they read then. */
  qualification: Readonly<Record<string, unknown>>;
  context: Readonly<Record<string, unknown>>;
  receivedAt: Date;
}

/** The people, teams, schedules and rotations both flows are walked with. */
export interface BacktestWorld {
  roster: readonly RosterPerson[];
  schedules: Readonly<Record<string, Schedule>>;
  teams?: readonly SimulatedTeam[];
  cursors?: Readonly<Record<string, number>>;
}

/** Who a route ends with: the team it was routed through, else the person, else nobody. */
export type BacktestAssignee = { kind: 'team'; id: string } | { kind: 'person'; id: string } | null;

/** Where one walk finished, and with whom. */
export interface BacktestEnd {
  /** The End node reached, or the node the walk stopped at (null when it stopped before any). */
  nodeId: string | null;
  label: string | null;
  kind: 'ended' | 'stopped';
  /** The End's outcome; null when the walk stopped short of an End. */
  outcome: EndOutcome | null;
  stopCode: SimulationStopCode | null;
  ownerId: string | null;
  /** The team of the last assign step the lead went through. */
  teamId: string | null;
}

export interface BacktestRoute extends BacktestEnd {
  /** Node ids in the order walked. */
  path: string[];
}

export type BacktestChange = 'end' | 'owner' | 'path';

export interface BacktestDifference {
  leadId: string;
  receivedAt: Date;
  /** What differs: the end (node or outcome), the owner, the path (or several). */
  changed: BacktestChange[];
  published: BacktestRoute;
  draft: BacktestRoute;
}

export interface BacktestGroupSide {
  nodeId: string | null;
  label: string | null;
  kind: 'ended' | 'stopped';
  outcome: EndOutcome | null;
  assignee: BacktestAssignee;
}

/** Leads that went from one end (and team or owner) to another, counted. */
export interface BacktestGroup {
  published: BacktestGroupSide;
  draft: BacktestGroupSide;
  count: number;
}

export interface BacktestReport {
  compared: number;
  same: number;
  differing: number;
  /** Largest first; ties in order of first appearance. */
  groups: BacktestGroup[];
  /** The differing leads in the order given, at most `listLimit` of them. */
  differences: BacktestDifference[];
  problems: { published: GraphProblem[]; draft: GraphProblem[] };
}

export interface BacktestOptions {
  /** How many differing leads to list in full (all are counted and grouped). Default: all. */
  listLimit?: number;
}

/**
 * "What would the draft have done with the leads we really had?": walks every lead through the
 * published graph and through the draft with the pure simulator, and reports where they part.
 *
 * - The moment is each lead's received time, not now, so a lead that came in after hours meets
 *   closed business hours and off-schedule reps in both walks, as it did.
 * - The qualification is the lead's stored one, so the qualify step and every condition on
 *   `qualification.*` decide as they did (the model is not asked again).
 * - Every walk, of either graph and for every lead, starts from the same round-robin cursors
 *   (today's): a difference in owner is then the graph's doing, not the rotation having moved
 *   on by the leads before it.
 * - Waits assume contact, as a plain simulation does: the question is where a lead is routed,
 *   not whether a rep was fast.
 * Each graph is validated and indexed once (prepareFlow), not once per lead.
 */
export function backtest(
  publishedGraph: unknown,
  draftGraph: unknown,
  leads: readonly BacktestLead[],
  world: BacktestWorld,
  options: BacktestOptions = {},
): BacktestReport {
  const published = prepareFlow(publishedGraph);
  const draft = prepareFlow(draftGraph);
  const listLimit = options.listLimit ?? Number.POSITIVE_INFINITY;
  const groups = new Map<string, BacktestGroup>();
  const differences: BacktestDifference[] = [];
  let differing = 0;

  for (const lead of leads) {
    const before = routeOf(published, walk(published, lead, world));
    const after = routeOf(draft, walk(draft, lead, world));
    const changed = changesBetween(before, after);
    if (changed.length === 0) continue;
    differing += 1;
    if (differences.length < listLimit) {
      differences.push({
        leadId: lead.id,
        receivedAt: lead.receivedAt,
        changed,
        published: before,
        draft: after,
      });
    }
    const from = groupSide(before);
    const to = groupSide(after);
    const key = JSON.stringify([from, to]);
    const group = groups.get(key);
    if (group) group.count += 1;
    else groups.set(key, { published: from, draft: to, count: 1 });
  }

  return {
    compared: leads.length,
    same: leads.length - differing,
    differing,
    // Array.prototype.sort is stable: equal counts keep their first-seen order.
    groups: [...groups.values()].sort((a, b) => b.count - a.count),
    differences,
    problems: { published: published.problems, draft: draft.problems },
  };
}

function walk(flow: PreparedFlow, lead: BacktestLead, world: BacktestWorld): SimulationResult {
  return simulatePrepared(flow, lead.lead, {
    now: lead.receivedAt,
    roster: world.roster,
    schedules: world.schedules,
    ...(world.teams ? { teams: world.teams } : {}),
    cursors: world.cursors ?? {},
    qualification: lead.qualification,
    context: lead.context,
  });
}

/** The team of the last assign step walked (escalations reassign within it). */
function teamOf(flow: PreparedFlow, result: SimulationResult): string | null {
  for (let i = result.path.length - 1; i >= 0; i--) {
    const step = result.path[i];
    if (step?.type !== 'assign') continue;
    const prepared = flow.node(step.nodeId);
    if (prepared?.status !== 'ready' || !prepared.config.ok) return null;
    return (prepared.config.config as AssignConfig).teamId ?? null;
  }
  return null;
}

function routeOf(flow: PreparedFlow, result: SimulationResult): BacktestRoute {
  const { outcome } = result;
  const nodeId = outcome.nodeId ?? null;
  return {
    nodeId,
    label: nodeId === null ? null : (flow.node(nodeId)?.node.label ?? null),
    kind: outcome.kind,
    outcome: outcome.kind === 'ended' ? outcome.outcome : null,
    stopCode: outcome.kind === 'stopped' ? outcome.code : null,
    ownerId: result.ownerId,
    teamId: teamOf(flow, result),
    path: result.path.map((step) => step.nodeId),
  };
}

function changesBetween(a: BacktestRoute, b: BacktestRoute): BacktestChange[] {
  const changed: BacktestChange[] = [];
  if (
    a.nodeId !== b.nodeId ||
    a.kind !== b.kind ||
    a.outcome !== b.outcome ||
    a.stopCode !== b.stopCode
  )
    changed.push('end');
  if (a.ownerId !== b.ownerId) changed.push('owner');
  if (a.path.length !== b.path.length || a.path.some((id, i) => id !== b.path[i]))
    changed.push('path');
  return changed;
}

function groupSide(route: BacktestRoute): BacktestGroupSide {
  const assignee: BacktestAssignee = route.teamId
    ? { kind: 'team', id: route.teamId }
    : route.ownerId
      ? { kind: 'person', id: route.ownerId }
      : null;
  return {
    nodeId: route.nodeId,
    label: route.label,
    kind: route.kind,
    outcome: route.outcome,
    assignee,
  };
}
