import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { errorMessage, isApiRequestError } from '../../api/api-request-error';
import { ErrorNotice } from '../../ui/error-notice';
import { Icon } from '../../ui/icon';
import { LoadingState } from '../../ui/loading-state';
import { useCurrentUser } from '../auth/current-user-context';
import { FlowEditor } from './flow-editor';
import { FlowHeader } from './flow-header';
import { FlowLiveView } from './flow-live-view';
import { FlowVersionViewer } from './flow-version-viewer';
import { FlowVersionViewingContext, useFlowVersionViewingState } from './flow-version-viewing';
import { fetchCatalogue, fetchFlow, flowKeys, type FlowDraftView } from './flows.api';
import './flows.css';

function BackToFlows() {
  return (
    <Link to="/flows" className="back-link">
      <Icon name="arrowLeft" size={14} />
      Flows
    </Link>
  );
}

/** A flow: the editor for managers and admins; for everyone else the published version, live. */
export function FlowPage() {
  const { flowId = '' } = useParams();
  const user = useCurrentUser();
  const queryClient = useQueryClient();
  const flow = useQuery({
    queryKey: flowKeys.detail(flowId),
    queryFn: ({ signal }) => fetchFlow(flowId, signal),
    // The editor holds the draft from here on; a refetch must not pull it from under it.
    refetchOnWindowFocus: false,
  });
  const catalogue = useQuery({
    queryKey: flowKeys.catalogue(),
    queryFn: ({ signal }) => fetchCatalogue(signal),
    staleTime: 5 * 60_000,
  });
  // Bumped by "reload": a fresh editor on the draft as saved.
  const [session, setSession] = useState(0);
  // A published version on show instead of the draft (the editor stays mounted, hidden).
  const versions = useFlowVersionViewingState();
  const viewing = versions.viewing;

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
  const canEdit = user.role === 'manager' || user.role === 'admin';
  const viewer = viewing && (
    <FlowVersionViewer version={viewing} catalogue={catalogue.data} onBack={versions.back} />
  );
  if (canEdit) {
    return (
      <div className="flow-page flow-page-editor">
        <BackToFlows />
        <FlowVersionViewingContext.Provider value={versions}>
          {viewer}
          <div className="flow-draft-shell" hidden={viewing !== null}>
            <FlowEditor
              key={`${data.id}:${session}`}
              flow={data}
              catalogue={catalogue.data}
              onSaved={(saved: FlowDraftView) => {
                queryClient.setQueryData(flowKeys.detail(flowId), saved);
                void queryClient.invalidateQueries({ queryKey: flowKeys.list() });
              }}
              onPublished={async () => {
                await Promise.all([
                  queryClient.invalidateQueries({ queryKey: flowKeys.detail(flowId) }),
                  queryClient.invalidateQueries({ queryKey: flowKeys.list() }),
                ]);
              }}
              onReload={() => {
                void flow.refetch().then(() => setSession((n) => n + 1));
              }}
            />
          </div>
        </FlowVersionViewingContext.Provider>
      </div>
    );
  }

  return (
    <div className="flow-page">
      <BackToFlows />
      <FlowVersionViewingContext.Provider value={versions}>
        {viewer}
        <div className="flow-draft-shell" hidden={viewing !== null}>
          <FlowHeader flow={data} />
          <FlowLiveView flow={data} catalogue={catalogue.data} />
        </div>
      </FlowVersionViewingContext.Provider>
    </div>
  );
}
