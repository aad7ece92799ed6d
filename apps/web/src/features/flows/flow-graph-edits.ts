import type { NodeTypeDescriptionView } from '@baton/api-contract';
import type { FlowEdge, FlowGraph, FlowNode, FlowPosition } from '@baton/flow';
import { outHandles } from './flow-canvas-model';

// Every change the editor makes to a graph, as pure functions from graph to graph. The graph
// stays plain JSON in the saved shape (no React Flow state), so undo is a list of graphs.

type Catalogue = ReadonlyMap<string, NodeTypeDescriptionView>;

/** Where a node goes relative to the one it follows: a column to the right. */
export const COLUMN_GAP = 300;
/** Rows apart when a column already has a node at that height. */
export const ROW_GAP = 150;

export interface Connection {
  source: string;
  sourceHandle: string;
  target: string;
}

export const edgeIdFor = (c: Connection): string => `${c.source}.${c.sourceHandle}->${c.target}`;

/** `qualify`, then `qualify-2`, `qualify-3`...: readable in problems and simulation traces. */
export function nextNodeId(graph: FlowGraph, type: string): string {
  const base = type.replace(/_/g, '-');
  const taken = new Set(graph.nodes.map((n) => n.id));
  if (!taken.has(base)) return base;
  let n = 2;
  while (taken.has(`${base}-${n}`)) n += 1;
  return `${base}-${n}`;
}

/** A fresh node of the type, with the type's own default config (a deep copy of it). */
export function newNode(
  graph: FlowGraph,
  description: NodeTypeDescriptionView,
  position: FlowPosition,
): FlowNode {
  return {
    id: nextNodeId(graph, description.type),
    type: description.type,
    position: { x: Math.round(position.x), y: Math.round(position.y) },
    data: { config: structuredClone((description.defaultConfig ?? {}) as Record<string, unknown>) },
    label: description.title,
  };
}

export function addNode(graph: FlowGraph, node: FlowNode): FlowGraph {
  return { ...graph, nodes: [...graph.nodes, node] };
}

/** The node's exits that no edge leaves yet, in the node's own order. */
export function freeHandles(graph: FlowGraph, nodeId: string, catalogue: Catalogue): string[] {
  const node = graph.nodes.find((n) => n.id === nodeId);
  if (!node) return [];
  const used = new Set(graph.edges.filter((e) => e.source === nodeId).map((e) => e.sourceHandle));
  return outHandles(node, catalogue.get(node.type), graph.edges).filter((h) => !used.has(h));
}

/** A free spot at or below `wanted`, so a new node never lands on top of another. */
function freeSpot(graph: FlowGraph, wanted: FlowPosition): FlowPosition {
  const spot = { ...wanted };
  const clashes = () =>
    graph.nodes.some(
      (n) =>
        Math.abs(n.position.x - spot.x) < COLUMN_GAP - 40 &&
        Math.abs(n.position.y - spot.y) < ROW_GAP - 30,
    );
  while (clashes()) spot.y += ROW_GAP;
  return spot;
}

/**
 * Adds a node after `afterId`: one column to its right, wired from its first free exit. Without a
 * node to follow (or one with no free exit) it goes to the right of everything, unwired.
 */
export function addNodeAfter(
  graph: FlowGraph,
  description: NodeTypeDescriptionView,
  afterId: string | null,
  catalogue: Catalogue,
): { graph: FlowGraph; nodeId: string } {
  const after = afterId ? graph.nodes.find((n) => n.id === afterId) : undefined;
  const handle = after ? freeHandles(graph, after.id, catalogue)[0] : undefined;
  let position: FlowPosition;
  if (after) {
    const handleIndex = handle
      ? outHandles(after, catalogue.get(after.type), graph.edges).indexOf(handle)
      : 0;
    position = freeSpot(graph, {
      x: after.position.x + COLUMN_GAP,
      y: after.position.y + Math.max(0, handleIndex) * ROW_GAP,
    });
  } else if (graph.nodes.length > 0) {
    const right = Math.max(...graph.nodes.map((n) => n.position.x));
    const top = Math.min(...graph.nodes.map((n) => n.position.y));
    position = freeSpot(graph, { x: right + COLUMN_GAP, y: top });
  } else {
    position = { x: 0, y: 0 };
  }
  const node = newNode(graph, description, position);
  let next = addNode(graph, node);
  if (after && handle && description.type !== 'trigger') {
    next = connect(next, { source: after.id, sourceHandle: handle, target: node.id }) ?? next;
  }
  return { graph: next, nodeId: node.id };
}

/**
 * Why a connection may not be made, or null when it may: an exit takes one edge (a lead follows
 * one path), nothing leads into the trigger, and a node does not lead to itself.
 */
export function connectionRefusal(graph: FlowGraph, c: Connection): string | null {
  if (c.source === c.target) return 'A step cannot lead to itself.';
  const target = graph.nodes.find((n) => n.id === c.target);
  if (!target || !graph.nodes.some((n) => n.id === c.source))
    return 'Both steps must be in the flow.';
  if (target.type === 'trigger') return 'Nothing may lead into the trigger: the flow starts there.';
  if (graph.edges.some((e) => e.source === c.source && e.sourceHandle === c.sourceHandle))
    return `The "${c.sourceHandle}" exit is already connected; delete its edge first.`;
  return null;
}

/** The graph with the edge added, or null when the connection is refused. */
export function connect(graph: FlowGraph, c: Connection): FlowGraph | null {
  if (connectionRefusal(graph, c) !== null) return null;
  const edge: FlowEdge = { id: edgeIdFor(c), ...c };
  return { ...graph, edges: [...graph.edges, edge] };
}

/** Moves an edge's ends (dragged to another step); refused like a new connection. */
export function reconnect(graph: FlowGraph, edgeId: string, c: Connection): FlowGraph | null {
  const without = { ...graph, edges: graph.edges.filter((e) => e.id !== edgeId) };
  return connect(without, c);
}

/** Removes the nodes (with every edge touching them) and the edges. */
export function removeElements(
  graph: FlowGraph,
  nodeIds: readonly string[],
  edgeIds: readonly string[],
): FlowGraph {
  if (nodeIds.length === 0 && edgeIds.length === 0) return graph;
  const nodes = new Set(nodeIds);
  const edges = new Set(edgeIds);
  return {
    nodes: graph.nodes.filter((n) => !nodes.has(n.id)),
    edges: graph.edges.filter(
      (e) => !edges.has(e.id) && !nodes.has(e.source) && !nodes.has(e.target),
    ),
  };
}

export function moveNodes(
  graph: FlowGraph,
  positions: ReadonlyMap<string, FlowPosition>,
): FlowGraph {
  let moved = false;
  const nodes = graph.nodes.map((n) => {
    const to = positions.get(n.id);
    if (!to) return n;
    const position = { x: Math.round(to.x), y: Math.round(to.y) };
    if (position.x === n.position.x && position.y === n.position.y) return n;
    moved = true;
    return { ...n, position };
  });
  return moved ? { ...graph, nodes } : graph;
}

export function setNodeConfig(
  graph: FlowGraph,
  nodeId: string,
  config: Record<string, unknown>,
): FlowGraph {
  return {
    ...graph,
    nodes: graph.nodes.map((n) => (n.id === nodeId ? { ...n, data: { ...n.data, config } } : n)),
  };
}

/** An empty name removes the label (the node then shows its type's title). */
export function setNodeLabel(graph: FlowGraph, nodeId: string, label: string): FlowGraph {
  return {
    ...graph,
    nodes: graph.nodes.map((n) => {
      if (n.id !== nodeId) return n;
      const { label: _old, ...rest } = n;
      return label.trim() === '' ? rest : { ...rest, label: label.slice(0, 200) };
    }),
  };
}
