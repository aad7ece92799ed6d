import type { FlowGraph } from '@baton/flow';
import { edgeIdFor, nextNodeId } from './flow-graph-edits';

/** Copied steps and the connections between them; a trigger is never copied (a flow has one). */
export interface FlowFragment {
  nodes: FlowGraph['nodes'];
  edges: FlowGraph['edges'];
}

/** Where pasted steps land relative to the copied ones, so both stay visible. */
export const PASTE_OFFSET = { x: 40, y: 40 };

export function copyFragment(graph: FlowGraph, nodeIds: readonly string[]): FlowFragment | null {
  const ids = new Set(nodeIds);
  const nodes = graph.nodes.filter((n) => ids.has(n.id) && n.type !== 'trigger');
  if (nodes.length === 0) return null;
  const kept = new Set(nodes.map((n) => n.id));
  const edges = graph.edges.filter((e) => kept.has(e.source) && kept.has(e.target));
  return structuredClone({ nodes, edges });
}

/**
 * The fragment added to the graph with fresh ids (`assign` → `assign-2`), its inner connections
 * rewired to the copies, placed `times` offsets away; returns the graph and the new node ids.
 */
export function pasteFragment(
  graph: FlowGraph,
  fragment: FlowFragment,
  times = 1,
): { graph: FlowGraph; nodeIds: string[] } {
  const renamed = new Map<string, string>();
  let next = graph;
  for (const node of fragment.nodes) {
    const id = nextNodeId(next, node.type);
    renamed.set(node.id, id);
    next = {
      ...next,
      nodes: [
        ...next.nodes,
        {
          ...structuredClone(node),
          id,
          position: {
            x: node.position.x + PASTE_OFFSET.x * times,
            y: node.position.y + PASTE_OFFSET.y * times,
          },
        },
      ],
    };
  }
  const edges = fragment.edges.map((edge) => {
    const source = renamed.get(edge.source) ?? edge.source;
    const target = renamed.get(edge.target) ?? edge.target;
    return {
      ...edge,
      id: edgeIdFor({ source, sourceHandle: edge.sourceHandle, target }),
      source,
      target,
    };
  });
  return { graph: { ...next, edges: [...next.edges, ...edges] }, nodeIds: [...renamed.values()] };
}
