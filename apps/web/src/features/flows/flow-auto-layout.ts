import dagre from '@dagrejs/dagre';
import type { FlowGraph, FlowPosition } from '@baton/flow';

export interface NodeSize {
  width: number;
  height: number;
}

/** What a node measures before the canvas has drawn it. */
export const DEFAULT_NODE_SIZE: NodeSize = { width: 220, height: 130 };

/**
 * Left-to-right layered layout (dagre): the trigger on the left, every step right of the one
 * before it, exits in the order the node lists them. Returns top-left positions, as the graph
 * stores them.
 */
export function autoLayout(
  graph: FlowGraph,
  sizes: ReadonlyMap<string, NodeSize> = new Map(),
): Map<string, FlowPosition> {
  const g = new dagre.graphlib.Graph({ multigraph: true });
  g.setGraph({ rankdir: 'LR', nodesep: 40, ranksep: 90, marginx: 20, marginy: 20 });
  g.setDefaultEdgeLabel(() => ({}));
  for (const node of graph.nodes) {
    const size = sizes.get(node.id) ?? DEFAULT_NODE_SIZE;
    g.setNode(node.id, { width: size.width, height: size.height });
  }
  const ids = new Set(graph.nodes.map((n) => n.id));
  for (const edge of graph.edges) {
    if (ids.has(edge.source) && ids.has(edge.target))
      g.setEdge(edge.source, edge.target, {}, edge.id);
  }
  dagre.layout(g);
  const positions = new Map<string, FlowPosition>();
  for (const node of graph.nodes) {
    const laid = g.node(node.id) as { x: number; y: number; width: number; height: number };
    positions.set(node.id, {
      x: Math.round(laid.x - laid.width / 2),
      y: Math.round(laid.y - laid.height / 2),
    });
  }
  return positions;
}
