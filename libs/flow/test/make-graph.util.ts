import type { FlowGraph, FlowNode } from '../src/graph/flow-graph.schema';

export type NodeSpec = [id: string, type: string, config?: Record<string, unknown>];
export type EdgeSpec = [source: string, handle: string, target: string];

/** A graph from compact node and edge lists; edge ids are `source.handle->target`. */
export function makeGraph(nodes: readonly NodeSpec[], edges: readonly EdgeSpec[]): FlowGraph {
  return {
    nodes: nodes.map(([id, type, config], i): FlowNode => ({
      id,
      type,
      position: { x: i * 200, y: 0 },
      data: { config: config ?? {} },
    })),
    edges: edges.map(([source, handle, target]) => ({
      id: `${source}.${handle}->${target}`,
      source,
      sourceHandle: handle,
      target,
    })),
  };
}
