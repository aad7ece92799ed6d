import { describeNode } from '../describe-node';
import type { GraphProblem } from '../graph-problem';
import type { GraphCheck } from './graph-check';

const list = (handles: readonly string[]): string =>
  handles.length === 0
    ? 'it has no exits'
    : `its exits are ${handles.map((h) => `"${h}"`).join(', ')}`;

export const checkEdges: GraphCheck = ({ graph, nodes }) => {
  const problems: GraphProblem[] = [];
  for (const edge of graph.edges) {
    const source = nodes.get(edge.source);
    const target = nodes.get(edge.target);
    if (!source) {
      problems.push({
        code: 'dangling_edge',
        edgeId: edge.id,
        message: `Edge "${edge.id}" starts at "${edge.source}", which is not in the flow.`,
      });
    }
    if (!target) {
      problems.push({
        code: 'dangling_edge',
        edgeId: edge.id,
        message: `Edge "${edge.id}" leads to "${edge.target}", which is not in the flow.`,
      });
    }
    if (source?.handles && !source.handles.includes(edge.sourceHandle)) {
      problems.push({
        code: 'unknown_handle',
        edgeId: edge.id,
        nodeId: edge.source,
        message: `Edge "${edge.id}" leaves ${describeNode(source)} by "${edge.sourceHandle}", which it does not have (${list(source.handles)}).`,
      });
    }
    if (target?.node.type === 'trigger') {
      problems.push({
        code: 'edge_into_trigger',
        edgeId: edge.id,
        nodeId: edge.target,
        message: `Edge "${edge.id}" leads back into the trigger; a flow starts there and nothing may lead into it.`,
      });
    }
  }
  return problems;
};
