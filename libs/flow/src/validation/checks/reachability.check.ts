import { describeNode } from '../describe-node';
import type { GraphCheck } from './graph-check';

export const checkReachability: GraphCheck = ({ nodes, connectedEdges }) => {
  const starts = [...nodes.values()].filter((f) => f.node.type === 'trigger').map((f) => f.node.id);
  // Without a trigger everything would be "unreachable"; the missing trigger is the one problem.
  if (starts.length === 0) return [];
  const reached = new Set(starts);
  const queue = [...starts];
  for (let id = queue.shift(); id !== undefined; id = queue.shift()) {
    for (const edge of connectedEdges) {
      if (edge.source === id && !reached.has(edge.target)) {
        reached.add(edge.target);
        queue.push(edge.target);
      }
    }
  }
  return [...nodes.values()]
    .filter((f) => !reached.has(f.node.id))
    .map((f) => ({
      code: 'unreachable_node' as const,
      nodeId: f.node.id,
      message: `${describeNode(f)} cannot be reached from the trigger; connect it or delete it.`,
    }));
};
