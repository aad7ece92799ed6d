import type { GraphProblemView } from '@baton/api-contract';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ReactFlowInstance } from '@xyflow/react';
import { useRef, useState } from 'react';
import { Link, useParams } from 'react-router';
import { errorMessage, isApiRequestError } from '../../api/api-request-error';
import { ErrorNotice } from '../../ui/error-notice';
import { Icon } from '../../ui/icon';
import { LoadingState } from '../../ui/loading-state';
import { useCurrentUser } from '../auth/current-user-context';
import { FlowCanvas } from './flow-canvas';
import type { FlowCanvasNode } from './flow-canvas-model';
import { fetchCatalogue, fetchFlow, flowKeys, publishFlow, type PublishOutcome } from './flows.api';
import './flows.css';

function BackToFlows() {
  return (
    <Link to="/flows" className="back-link">
      <Icon name="arrowLeft" size={14} />
      Flows
    </Link>
  );
}

export function FlowPage() {
  const { flowId = '' } = useParams();
  const user = useCurrentUser();
  const queryClient = useQueryClient();
  const flow = useQuery({
    queryKey: flowKeys.detail(flowId),
    queryFn: ({ signal }) => fetchFlow(flowId, signal),
  });
  const catalogue = useQuery({
    queryKey: flowKeys.catalogue(),
    queryFn: ({ signal }) => fetchCatalogue(signal),
    staleTime: 5 * 60_000,
  });
  const [outcome, setOutcome] = useState<PublishOutcome | null>(null);
  const canvas = useRef<ReactFlowInstance<FlowCanvasNode> | null>(null);
  const publish = useMutation({
    mutationFn: () => publishFlow(flowId),
    onMutate: () => setOutcome(null),
    onSuccess: async (result) => {
      setOutcome(result);
      if (result.kind === 'published') {
        await Promise.all([
          queryClient.invalidateQueries({ queryKey: flowKeys.detail(flowId) }),
          queryClient.invalidateQueries({ queryKey: flowKeys.list() }),
        ]);
      }
    },
  });

  if (flow.isPending || catalogue.isPending) return <LoadingState label="Loading flow…" />;
  if (flow.isError || catalogue.isError) {
    const error = flow.error ?? catalogue.error;
    const notFound = isApiRequestError(error, 404) || isApiRequestError(error, 400);
    return (
      <div className="flow-page">
        <BackToFlows />
        {notFound ? (
          <div className="notice">
            <p className="notice-title">Flow not found</p>
            <p className="notice-message">
              There is no flow with this id. It may have been deleted.
            </p>
          </div>
        ) : (
          <ErrorNotice
            title="Could not load this flow"
            message={errorMessage(error)}
            onRetry={() => {
              void flow.refetch();
              void catalogue.refetch();
            }}
          />
        )}
      </div>
    );
  }

  const data = flow.data;
  const problems: GraphProblemView[] =
    outcome?.kind === 'problems' ? outcome.problems : data.problems;
  const canPublish = user.role === 'manager' || user.role === 'admin';
  const labelOf = (nodeId: string) =>
    data.draftGraph.nodes.find((n) => n.id === nodeId)?.label ?? nodeId;
  const focus = (nodeId: string) => {
    void canvas.current?.fitView({ nodes: [{ id: nodeId }], duration: 300, maxZoom: 1.2 });
  };

  return (
    <div className="flow-page">
      <BackToFlows />
      <header className="card flow-header">
        <div className="flow-header-identity">
          <h1 className="flow-name">{data.name}</h1>
          {data.description && <p className="flow-description">{data.description}</p>}
          <p className="flow-facts">
            {data.published ? (
              <span className="pill pill-ok">Published v{data.published.version}</span>
            ) : (
              <span className="pill pill-muted">Not published</span>
            )}
            {data.draftChanged && <span className="pill pill-warn">Unpublished changes</span>}
            <span>
              {data.sources.length === 0
                ? 'No source sends leads here'
                : `Sources: ${data.sources.map((s) => s.name).join(', ')}`}
            </span>
          </p>
        </div>
        {canPublish && (
          <div className="flow-publish">
            <button
              type="button"
              className="button button-primary"
              disabled={publish.isPending}
              onClick={() => publish.mutate()}
            >
              {publish.isPending ? 'Publishing…' : 'Publish'}
            </button>
            <span role="status" className="flow-publish-status">
              {outcome?.kind === 'published' &&
                `Published version ${outcome.version.version}. New leads use it now.`}
            </span>
          </div>
        )}
      </header>

      {publish.isError && (
        <p role="alert" className="flow-alert">
          {errorMessage(publish.error)}
        </p>
      )}
      {outcome?.kind === 'problems' && (
        <p role="alert" className="flow-alert">
          Not published: {outcome.message}
        </p>
      )}

      <div className="flow-layout">
        <FlowCanvas
          graph={data.draftGraph}
          catalogue={catalogue.data}
          problems={problems}
          onInit={(instance) => (canvas.current = instance)}
        />
        <aside className="card flow-problems" aria-labelledby="flow-problems-title">
          <h2 className="card-title" id="flow-problems-title">
            {problems.length === 0 ? 'Ready to publish' : `Problems (${problems.length})`}
          </h2>
          <div className="card-body">
            {problems.length === 0 ? (
              <p className="flows-muted">The draft validates: nothing stops a publish.</p>
            ) : (
              <ul className="flow-problem-list">
                {problems.map((problem, index) => (
                  <li key={`${problem.code}-${problem.nodeId ?? problem.edgeId ?? ''}-${index}`}>
                    {problem.nodeId ? (
                      <button
                        type="button"
                        className="flow-problem-node"
                        onClick={() => focus(problem.nodeId ?? '')}
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
      </div>
    </div>
  );
}
