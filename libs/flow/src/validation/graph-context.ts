import type { AnyNodeDefinition } from '../catalogue/define-node';
import { getNodeDefinition, type NodeCatalogue } from '../catalogue/node-catalogue';
import { requiredFieldErrors } from '../catalogue/parse-node-config';
import type { FlowEdge, FlowGraph, FlowNode } from '../graph/flow-graph.schema';
import type { ValidateGraphOptions } from './validate-graph.options';

export type ConfigCheck =
  | { ok: true; config: unknown }
  | { ok: false; issues: ReadonlyArray<{ path: ReadonlyArray<PropertyKey>; message: string }> };

/** A node with everything the checks need to know about it, computed once. */
export interface NodeFacts {
  node: FlowNode;
  definition: AnyNodeDefinition | undefined;
  config: ConfigCheck | undefined;
  /** Out handles, or undefined when they cannot be known (unknown type, or a config they depend on is invalid). */
  handles: readonly string[] | undefined;
  requiredHandles: readonly string[] | undefined;
}

export interface GraphContext {
  graph: FlowGraph;
  options: ValidateGraphOptions;
  /** First node with each id (duplicates are reported, then ignored). */
  nodes: ReadonlyMap<string, NodeFacts>;
  /** Edges whose source and target both exist. */
  connectedEdges: readonly FlowEdge[];
}

function factsFor(node: FlowNode, catalogue: NodeCatalogue): NodeFacts {
  const definition = getNodeDefinition(node.type, catalogue);
  if (!definition)
    return { node, definition, config: undefined, handles: undefined, requiredHandles: undefined };
  const parsed = definition.configSchema.safeParse(node.data.config, {
    error: requiredFieldErrors,
  });
  const config: ConfigCheck = parsed.success
    ? { ok: true, config: parsed.data }
    : { ok: false, issues: parsed.error.issues };
  const handles = config.ok ? definition.handles(config.config) : definition.staticHandles;
  const requiredHandles = config.ok
    ? definition.requiredHandles(config.config)
    : definition.staticRequiredHandles;
  return { node, definition, config, handles, requiredHandles };
}

export function buildGraphContext(
  graph: FlowGraph,
  options: ValidateGraphOptions,
  catalogue: NodeCatalogue,
): GraphContext {
  const nodes = new Map<string, NodeFacts>();
  for (const node of graph.nodes)
    if (!nodes.has(node.id)) nodes.set(node.id, factsFor(node, catalogue));
  const connectedEdges = graph.edges.filter((e) => nodes.has(e.source) && nodes.has(e.target));
  return { graph, options, nodes, connectedEdges };
}
