import type { GraphProblemView } from '@baton/api-contract';
import type { FlowGraph } from '@baton/flow';

interface FlowProblemListProps {
  graph: FlowGraph;
  problems: readonly GraphProblemView[];
  /** Shows the node a problem is about. */
  onFocusNode(nodeId: string): void;
}

/** What stops the draft from being published, each problem with the step it is about. */
export function FlowProblemList({ graph, problems, onFocusNode }: FlowProblemListProps) {
  const labelOf = (nodeId: string) => graph.nodes.find((n) => n.id === nodeId)?.label ?? nodeId;
  return (
    <aside className="card flow-problems" aria-labelledby="flow-problems-title">
      <h2 className="card-title" id="flow-problems-title">
        {problems.length === 0 ? 'Ready to publish' : `Problems (${problems.length})`}
      </h2>
      <div className="card-body">
        {problems.length === 0 ? (
          <p className="flows-muted">The draft validates: nothing stops a publish.</p>
        ) : (
          <ul className="flow-problem-list" data-testid="flow-problem-list">
            {problems.map((problem, index) => (
              <li key={`${problem.code}-${problem.nodeId ?? problem.edgeId ?? ''}-${index}`}>
                {problem.nodeId ? (
                  <button
                    type="button"
                    className="flow-problem-node"
                    onClick={() => onFocusNode(problem.nodeId ?? '')}
                  >
                    {labelOf(problem.nodeId)}
                  </button>
                ) : (
                  <span className="flow-problem-node flow-problem-graph">Whole flow</span>
                )}
                <span className="flow-problem-message">
                  {problem.message}
                  {problem.field && <code className="flow-problem-field">{problem.field}</code>}
                </span>
              </li>
            ))}
          </ul>
        )}
      </div>
    </aside>
  );
}
