import { describeNode } from '../describe-node';
import type { GraphProblem } from '../graph-problem';
import type { GraphCheck } from './graph-check';

export const checkHandles: GraphCheck = ({ graph, nodes }) => {
  const problems: GraphProblem[] = [];
  for (const facts of nodes.values()) {
    const outgoing = graph.edges.filter((e) => e.source === facts.node.id);
    for (const handle of facts.requiredHandles ?? []) {
      if (!outgoing.some((e) => e.sourceHandle === handle)) {
        problems.push({
          code: 'unconnected_handle',
          nodeId: facts.node.id,
          message: `${describeNode(facts)}: the "${handle}" exit is not connected; connect it to the next step (or to an End).`,
        });
      }
    }
    for (const handle of new Set(outgoing.map((e) => e.sourceHandle))) {
      const edges = outgoing.filter((e) => e.sourceHandle === handle);
      if (edges.length > 1) {
        problems.push({
          code: 'handle_connected_twice',
          nodeId: facts.node.id,
          edgeId: edges[1]?.id,
          message: `${describeNode(facts)}: the "${handle}" exit is connected ${edges.length} times (edges ${edges.map((e) => e.id).join(', ')}); a lead can only take one path.`,
        });
      }
    }
  }
  return problems;
};
