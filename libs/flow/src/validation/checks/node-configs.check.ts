import { describeNode, formatPath } from '../describe-node';
import type { GraphProblem } from '../graph-problem';
import type { GraphCheck } from './graph-check';

export const checkNodeConfigs: GraphCheck = ({ nodes }) => {
  const problems: GraphProblem[] = [];
  for (const facts of nodes.values()) {
    // An unavailable node is already reported as such; its settings are beside the point.
    if (!facts.config || facts.config.ok || !facts.definition?.available) continue;
    for (const issue of facts.config.issues) {
      const field = formatPath(issue.path);
      problems.push({
        code: 'invalid_config',
        nodeId: facts.node.id,
        ...(field ? { field } : {}),
        message: `${describeNode(facts)}: ${field ? `${field}: ` : ''}${issue.message}`,
      });
    }
  }
  return problems;
};
