import type { GraphProblem } from '../graph-problem';
import { describeNode } from '../describe-node';
import type { GraphCheck } from './graph-check';

export const checkNodeTypes: GraphCheck = ({ nodes }) => {
  const problems: GraphProblem[] = [];
  for (const facts of nodes.values()) {
    const { node, definition } = facts;
    if (!definition) {
      problems.push({
        code: 'unknown_node_type',
        nodeId: node.id,
        message: `Node "${node.id}" has the type "${node.type}", which this version of Baton does not know.`,
      });
    } else if (!definition.available) {
      problems.push({
        code: 'node_not_available',
        nodeId: node.id,
        message: `${describeNode(facts)}: the ${definition.title} step is not available yet; remove it before publishing.`,
      });
    }
  }
  return problems;
};
