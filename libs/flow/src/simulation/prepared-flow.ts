import {
  flowGraphSchema,
  type FlowEdge,
  type FlowGraph,
  type FlowNode,
} from '../graph/flow-graph.schema';
import type { GraphProblem } from '../validation/graph-problem';
import { validateGraph } from '../validation/validate-graph';
import type { NodeSimulator, ParsedNodeConfig } from './node-simulator';
import { getNodeSimulator } from './node-simulators';

/** A node ready to run: its simulator and its settings, checked once. */
export type PreparedNode =
  | { node: FlowNode; status: 'unknown_type' }
  | { node: FlowNode; status: 'ready'; simulator: NodeSimulator; config: ParsedNodeConfig }
  /** Checking the settings threw (not merely failed); the walk stops there with the message. */
  | { node: FlowNode; status: 'threw'; error: unknown };

/**
 * A graph checked and indexed once, for walking many leads through it: validation, the shape
 * parse and every node's settings do not depend on the lead, and looking nodes and exits up by
 * id beats scanning the lists at every step. Lookups keep the first match, as a scan would,
 * should a broken graph repeat an id or an exit.
 */
export interface PreparedFlow {
  readonly problems: GraphProblem[];
  /** Null when the graph is not even graph-shaped. */
  readonly flow: FlowGraph | null;
  readonly trigger: PreparedNode | undefined;
  node(id: string): PreparedNode | undefined;
  /** The first edge leaving `nodeId` by `handle`. */
  edge(nodeId: string, handle: string): FlowEdge | undefined;
}

function prepareNode(node: FlowNode): PreparedNode {
  const simulator = getNodeSimulator(node.type);
  if (!simulator) return { node, status: 'unknown_type' };
  try {
    return { node, status: 'ready', simulator, config: simulator.parse(node.data.config) };
  } catch (error) {
    return { node, status: 'threw', error };
  }
}

export function prepareFlow(graph: unknown): PreparedFlow {
  const { problems } = validateGraph(graph);
  const parsed = flowGraphSchema.safeParse(graph);
  if (!parsed.success)
    return {
      problems,
      flow: null,
      trigger: undefined,
      node: () => undefined,
      edge: () => undefined,
    };

  const flow = parsed.data;
  const nodes = new Map<string, PreparedNode>();
  for (const node of flow.nodes) if (!nodes.has(node.id)) nodes.set(node.id, prepareNode(node));
  // The first trigger in the list, even when an earlier node took its id.
  const first = flow.nodes.find((n) => n.type === 'trigger');
  const byId = first ? nodes.get(first.id) : undefined;
  const trigger = first && (byId?.node === first ? byId : prepareNode(first));
  const exits = new Map<string, Map<string, FlowEdge>>();
  for (const edge of flow.edges) {
    let byHandle = exits.get(edge.source);
    if (!byHandle) exits.set(edge.source, (byHandle = new Map()));
    if (!byHandle.has(edge.sourceHandle)) byHandle.set(edge.sourceHandle, edge);
  }
  return {
    problems,
    flow,
    trigger,
    node: (id) => nodes.get(id),
    edge: (nodeId, handle) => exits.get(nodeId)?.get(handle),
  };
}
