import { nodeCatalogue } from '../catalogue/node-catalogue';
import { requiredFieldErrors } from '../catalogue/parse-node-config';
import { readPath } from '../conditions/facts';
import { flowGraphSchema } from '../graph/flow-graph.schema';
import { checkCycles } from './checks/cycles.check';
import { checkDuplicateIds } from './checks/duplicate-ids.check';
import { checkEdges } from './checks/edges.check';
import type { GraphCheck } from './checks/graph-check';
import { checkHandles } from './checks/handles.check';
import { checkNodeConfigs } from './checks/node-configs.check';
import { checkNodeTypes } from './checks/node-types.check';
import { checkReachability } from './checks/reachability.check';
import { checkReferences } from './checks/references.check';
import { checkTriggerCount } from './checks/trigger-count.check';
import { formatPath } from './describe-node';
import { buildGraphContext } from './graph-context';
import type { GraphProblem, GraphValidation } from './graph-problem';
import type { ValidateGraphOptions } from './validate-graph.options';

/** In the order problems are listed: whole-graph first, then nodes, then wiring. */
const checks: readonly GraphCheck[] = [
  checkDuplicateIds,
  checkTriggerCount,
  checkNodeTypes,
  checkNodeConfigs,
  checkReferences,
  checkEdges,
  checkHandles,
  checkReachability,
  checkCycles,
];

/**
 * Everything that stops a graph from being published, all at once. Accepts anything (a saved
 * draft, a request body): a value that is not even graph-shaped gets its shape problems only.
 */
export function validateGraph(graph: unknown, options: ValidateGraphOptions = {}): GraphValidation {
  const parsed = flowGraphSchema.safeParse(graph, { error: requiredFieldErrors });
  if (!parsed.success) {
    return { ok: false, problems: parsed.error.issues.map((issue) => shapeProblem(graph, issue)) };
  }
  const context = buildGraphContext(parsed.data, options, options.catalogue ?? nodeCatalogue);
  const problems = checks.flatMap((check) => check(context));
  return { ok: problems.length === 0, problems };
}

/** Points a shape problem at the node or edge it is in, when the path says which. */
function shapeProblem(
  graph: unknown,
  issue: { path: ReadonlyArray<PropertyKey>; message: string },
): GraphProblem {
  const [collection, index, ...rest] = issue.path;
  const where = collection === 'nodes' ? 'node' : collection === 'edges' ? 'edge' : undefined;
  if (!where || typeof index !== 'number') {
    const field = formatPath(issue.path);
    return {
      code: 'invalid_graph',
      ...(field ? { field } : {}),
      message: `The graph is malformed${field ? ` at ${field}` : ''}: ${issue.message}`,
    };
  }
  const rawId = readPath(graph, `${String(collection)}.${index}.id`);
  const id = typeof rawId === 'string' && rawId !== '' ? rawId : undefined;
  const field = formatPath(rest);
  return {
    code: 'invalid_graph',
    ...(id && where === 'node' ? { nodeId: id } : {}),
    ...(id && where === 'edge' ? { edgeId: id } : {}),
    ...(field ? { field } : {}),
    message: `The ${where} ${id ? `"${id}"` : `#${index + 1}`} is malformed${field ? ` at ${field}` : ''}: ${issue.message}`,
  };
}
