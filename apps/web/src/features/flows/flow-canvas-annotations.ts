import type { FlowNodeStat, FlowSimulation, FlowVersionStats } from '@baton/api-contract';
import { edgeIdFor } from './flow-graph-edits';

/** A simulated lead's visit to a node: which step it was, the exit it took and why. */
export interface TraceMark {
  /** 1-based step numbers (a lead looping through a node visits it more than once). */
  steps: number[];
  handle: string | null;
  reason: string;
  /** Where the walk ended or stopped. */
  last: boolean;
}

/** What the canvas draws on top of the graph: a simulated path, or a live version's numbers. */
export type CanvasAnnotations =
  | { kind: 'trace'; nodes: ReadonlyMap<string, TraceMark>; edges: ReadonlySet<string> }
  | {
      kind: 'stats';
      nodes: ReadonlyMap<string, FlowNodeStat>;
      /** The node after which most leads leaked, when any did. */
      worstLeak: string | null;
      leads: number;
    };

/** A simulation as marks on the nodes it passed and the edges it took. */
export function traceAnnotations(
  simulation: Pick<FlowSimulation, 'path'>,
  graphEdges: readonly { id: string; source: string; sourceHandle: string; target: string }[],
): CanvasAnnotations {
  const nodes = new Map<string, TraceMark>();
  const edges = new Set<string>();
  const known = new Set(graphEdges.map((e) => e.id));
  simulation.path.forEach((step, index) => {
    const mark = nodes.get(step.nodeId);
    const last = index === simulation.path.length - 1;
    nodes.set(step.nodeId, {
      steps: [...(mark?.steps ?? []), index + 1],
      handle: step.handle,
      reason: step.reason,
      last: last || (mark?.last ?? false),
    });
    const next = simulation.path[index + 1];
    if (next && step.handle) {
      const id = edgeIdFor({ source: step.nodeId, sourceHandle: step.handle, target: next.nodeId });
      // Ids are derived, but an imported graph may carry its own: fall back to matching ends.
      const match = known.has(id)
        ? id
        : graphEdges.find(
            (e) =>
              e.source === step.nodeId &&
              e.sourceHandle === step.handle &&
              e.target === next.nodeId,
          )?.id;
      if (match) edges.add(match);
    }
  });
  return { kind: 'trace', nodes, edges };
}

/** A version's per-node numbers, with the node that leaks most marked. */
export function statsAnnotations(stats: FlowVersionStats): CanvasAnnotations {
  const nodes = new Map(stats.nodes.map((n) => [n.nodeId, n]));
  let worst: FlowNodeStat | null = null;
  for (const node of stats.nodes) {
    const leaked = leakedOf(node);
    if (leaked > 0 && (worst === null || leaked > leakedOf(worst))) worst = node;
  }
  return { kind: 'stats', nodes, worstLeak: worst?.nodeId ?? null, leads: stats.leads };
}

/** Leads that breached or ended unhandled after the node. */
export function leakedOf(stat: FlowNodeStat): number {
  return stat.leaked;
}

/** "42 s", "3 min", "2.5 h", "4 d": a median time spent, short enough for a node's face. */
export function formatDuration(seconds: number): string {
  if (seconds < 60) return `${Math.round(seconds)} s`;
  if (seconds < 3600) return `${Math.round(seconds / 60)} min`;
  if (seconds < 86_400) return `${Math.round((seconds / 3600) * 10) / 10} h`;
  return `${Math.round((seconds / 86_400) * 10) / 10} d`;
}
