import type { FlowDetail, NodeTypeDescriptionView } from '@baton/api-contract';
import { useMemo, useRef } from 'react';
import { LoadingState } from '../../ui/loading-state';
import { FlowCanvas, type FlowCanvasHandle } from './flow-canvas';
import { statsAnnotations } from './flow-canvas-annotations';
import { FlowLiveSummary } from './flow-live-summary';
import { FlowProblemList } from './flow-problem-list';
import { useFlowVersion } from './use-flow-versions';
import { useVersionStats } from './use-version-stats';

/**
 * A flow for someone who does not edit it: the published version as leads run through it, with
 * each step's numbers; the draft with its problems until something is published.
 */
export function FlowLiveView({
  flow,
  catalogue,
}: {
  flow: FlowDetail;
  catalogue: NodeTypeDescriptionView[];
}) {
  const view = useRef<FlowCanvasHandle>(null);
  const published = flow.published?.version ?? null;
  const version = useFlowVersion(flow.id, published);
  const stats = useVersionStats(flow.id, published);
  const annotations = useMemo(
    () => (stats.data ? statsAnnotations(stats.data) : null),
    [stats.data],
  );

  if (published === null) {
    return (
      <div className="flow-layout">
        <FlowCanvas
          ref={view}
          graph={flow.draftGraph}
          catalogue={catalogue}
          problems={flow.problems}
        />
        <FlowProblemList
          graph={flow.draftGraph}
          problems={flow.problems}
          onFocusNode={(nodeId) => view.current?.fit([nodeId])}
        />
      </div>
    );
  }
  if (version.isPending) return <LoadingState label="Loading the published version…" />;
  const graph = version.data?.graph ?? flow.draftGraph;
  return (
    <div className="flow-layout">
      <FlowCanvas
        ref={view}
        graph={graph}
        catalogue={catalogue}
        problems={[]}
        annotations={annotations?.kind === 'stats' ? annotations : null}
      />
      {annotations?.kind === 'stats' ? (
        <FlowLiveSummary version={published} graph={graph} annotations={annotations} />
      ) : (
        <aside className="card flow-panel" aria-label="Live numbers">
          <div className="flow-panel-body">
            <p className="flow-panel-type">Live numbers · version {published}</p>
            <p role={stats.isError ? 'alert' : 'status'}>
              {stats.isError ? 'The live numbers could not be loaded.' : 'Loading live numbers…'}
            </p>
          </div>
        </aside>
      )}
    </div>
  );
}
