import type { GraphCheck } from './graph-check';
import type { GraphProblem } from '../graph-problem';

function repeated(ids: readonly string[]): string[] {
  const seen = new Set<string>();
  const twice = new Set<string>();
  for (const id of ids) (seen.has(id) ? twice : seen).add(id);
  return [...twice];
}

export const checkDuplicateIds: GraphCheck = ({ graph }) => {
  const problems: GraphProblem[] = [];
  for (const id of repeated(graph.nodes.map((n) => n.id))) {
    const count = graph.nodes.filter((n) => n.id === id).length;
    problems.push({
      code: 'duplicate_node_id',
      nodeId: id,
      message: `${count} nodes share the id "${id}"; every node needs its own id (only the first one is checked further).`,
    });
  }
  for (const id of repeated(graph.edges.map((e) => e.id))) {
    problems.push({
      code: 'duplicate_edge_id',
      edgeId: id,
      message: `Several edges share the id "${id}"; every edge needs its own id.`,
    });
  }
  return problems;
};
