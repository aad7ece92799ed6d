export const graphProblemCodes = [
  'invalid_graph',
  'duplicate_node_id',
  'duplicate_edge_id',
  'missing_trigger',
  'multiple_triggers',
  'unknown_node_type',
  'node_not_available',
  'invalid_config',
  'unknown_reference',
  'dangling_edge',
  'unknown_handle',
  'edge_into_trigger',
  'unconnected_handle',
  'handle_connected_twice',
  'unreachable_node',
  'cycle_without_wait',
] as const;
export type GraphProblemCode = (typeof graphProblemCodes)[number];

/** One thing to fix before publishing, located as precisely as we can and worded for a person. */
export interface GraphProblem {
  code: GraphProblemCode;
  message: string;
  nodeId?: string;
  edgeId?: string;
  /** Dotted config path for invalid_config (e.g. `rules.0.group.clauses.1.value`), for the form. */
  field?: string;
  /** Every node involved, when a problem spans several (a cycle, a duplicated id). */
  nodeIds?: string[];
}

export interface GraphValidation {
  ok: boolean;
  problems: GraphProblem[];
}
