import type { FlowGraph, FlowNode } from './flow-graph.schema';

/** The flow's trigger (the first one, should a broken graph have several). */
export function findTriggerNode(graph: FlowGraph): FlowNode | undefined {
  return graph.nodes.find((node) => node.type === 'trigger');
}

export function findNode(graph: FlowGraph, nodeId: string): FlowNode | undefined {
  return graph.nodes.find((node) => node.id === nodeId);
}

/**
 * Where a lead goes when it leaves `nodeId` by `handle`: the target node, or undefined when the
 * exit is not connected (or leads nowhere). The first edge wins should a broken graph have two.
 */
export function followHandle(
  graph: FlowGraph,
  nodeId: string,
  handle: string,
): FlowNode | undefined {
  const edge = graph.edges.find((e) => e.source === nodeId && e.sourceHandle === handle);
  return edge ? findNode(graph, edge.target) : undefined;
}
