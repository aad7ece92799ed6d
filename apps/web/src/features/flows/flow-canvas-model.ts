import type { GraphProblemView, NodeTypeDescriptionView } from '@baton/api-contract';
import type { FlowGraph } from '@baton/flow';
import type { Edge, Node } from '@xyflow/react';

/** What a canvas node carries: plain JSON only (lookups come from FlowCanvasContext). */
export interface FlowNodeData extends Record<string, unknown> {
  nodeType: string;
  label: string | null;
  /** Out handles, in order: the node type's own, then any an edge uses that it does not know. */
  handles: string[];
  /** Whether edges may come in (every node but the trigger). */
  hasInput: boolean;
  /** The node's config as saved: its face shows the key settings. */
  config: Record<string, unknown>;
  /** Exits that already have their one edge. */
  connected: string[];
}

export type FlowCanvasNode = Node<FlowNodeData, 'baton'>;

/** Out handles of a node: fixed by its type, or from its config (a condition: rules + else). */
export function outHandles(
  node: FlowGraph['nodes'][number],
  description: NodeTypeDescriptionView | undefined,
  edges: FlowGraph['edges'],
): string[] {
  const handles: string[] = [];
  if (description?.handles) handles.push(...description.handles);
  else {
    const rules = node.data.config['rules'];
    if (Array.isArray(rules)) {
      for (const rule of rules) {
        const id = (rule as { id?: unknown } | null)?.id;
        if (typeof id === 'string') handles.push(id);
      }
      handles.push('else');
    }
  }
  for (const edge of edges) {
    if (edge.source === node.id && !handles.includes(edge.sourceHandle))
      handles.push(edge.sourceHandle);
  }
  return handles;
}

export function toCanvasNodes(
  graph: FlowGraph,
  catalogue: ReadonlyMap<string, NodeTypeDescriptionView>,
): FlowCanvasNode[] {
  return graph.nodes.map((node) => ({
    id: node.id,
    type: 'baton',
    position: node.position,
    data: {
      nodeType: node.type,
      label: node.label ?? null,
      handles: outHandles(node, catalogue.get(node.type), graph.edges),
      hasInput: node.type !== 'trigger',
      config: node.data.config,
      connected: graph.edges.filter((e) => e.source === node.id).map((e) => e.sourceHandle),
    },
  }));
}

/**
 * The graph's nodes as the canvas holds them, keeping what only the canvas knows of the nodes it
 * already had (their measured size, whether they are selected).
 */
export function mergeCanvasNodes(
  previous: readonly FlowCanvasNode[],
  next: FlowCanvasNode[],
  select?: readonly string[],
): FlowCanvasNode[] {
  const byId = new Map(previous.map((n) => [n.id, n]));
  return next.map((node) => {
    const before = byId.get(node.id);
    const selected = select !== undefined ? select.includes(node.id) : (before?.selected ?? false);
    return before?.measured
      ? { ...node, measured: before.measured, selected }
      : { ...node, selected };
  });
}

export function toCanvasEdges(graph: FlowGraph, problems: GraphProblemView[]): Edge[] {
  const broken = new Set(problems.map((p) => p.edgeId).filter((id) => id !== undefined));
  return graph.edges.map((edge) => ({
    id: edge.id,
    source: edge.source,
    sourceHandle: edge.sourceHandle,
    target: edge.target,
    type: 'smoothstep',
    className: broken.has(edge.id) ? 'flow-edge-problem' : undefined,
  }));
}

/** Problems by the node they are about (a problem spanning nodes is listed on each). */
export function problemsByNode(problems: GraphProblemView[]): Map<string, GraphProblemView[]> {
  const byNode = new Map<string, GraphProblemView[]>();
  for (const problem of problems) {
    const ids = new Set([...(problem.nodeId ? [problem.nodeId] : []), ...(problem.nodeIds ?? [])]);
    for (const id of ids) byNode.set(id, [...(byNode.get(id) ?? []), problem]);
  }
  return byNode;
}
