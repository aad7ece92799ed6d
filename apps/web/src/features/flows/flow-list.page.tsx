import type { FlowListItem } from '@baton/api-contract';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { errorMessage } from '../../api/api-request-error';
import { RelativeTime } from '../../time/relative-time';
import { useNow } from '../../time/use-now';
import { ErrorNotice } from '../../ui/error-notice';
import { LoadingState } from '../../ui/loading-state';
import { useCurrentUser } from '../auth/current-user-context';
import { FlowImportButton } from './flow-import-button';
import { fetchFlows, flowKeys } from './flows.api';
import { NewFlowDialog } from './new-flow-dialog';
import './flows.css';

export function FlowListPage() {
  const flows = useQuery({
    queryKey: flowKeys.list(),
    queryFn: ({ signal }) => fetchFlows(signal),
  });
  const now = useNow(30_000);
  const user = useCurrentUser();
  const canEdit = user.role === 'manager' || user.role === 'admin';
  const navigate = useNavigate();
  const [creating, setCreating] = useState(false);
  const active = flows.data?.items.filter((f) => f.archivedAt === null) ?? [];
  const archived = flows.data?.items.filter((f) => f.archivedAt !== null) ?? [];

  return (
    <div className="flows-page">
      <header className="flows-header">
        <div>
          <h1 className="flows-title">Flows</h1>
          <p className="flows-lede">
            How leads are qualified, routed and chased, source by source.
          </p>
        </div>
        {canEdit && (
          <div className="flows-actions">
            <FlowImportButton onImported={(flowId) => void navigate(`/flows/${flowId}`)} />
            <button
              type="button"
              className="button button-primary"
              onClick={() => setCreating(true)}
            >
              New flow
            </button>
          </div>
        )}
      </header>
      {creating && (
        <NewFlowDialog
          onCreated={(flowId) => void navigate(`/flows/${flowId}`)}
          onCancel={() => setCreating(false)}
        />
      )}
      {flows.isPending ? (
        <LoadingState label="Loading flows…" />
      ) : flows.isError ? (
        <ErrorNotice
          title="Could not load the flows"
          message={errorMessage(flows.error)}
          onRetry={() => void flows.refetch()}
        />
      ) : flows.data.items.length === 0 ? (
        <section className="card flows-empty">
          <h2>No flows yet</h2>
          <p>
            A flow decides what happens to a lead: who gets it, how fast, and what if nobody calls.
          </p>
          {canEdit && (
            <p>
              Start with <strong>New flow</strong>: the “Hot leads fast” template qualifies, routes
              by score and office hours, and escalates when nobody calls back. Or import a flow file
              exported from another Baton.
            </p>
          )}
        </section>
      ) : (
        <>
          {active.length > 0 ? (
            <FlowTable items={active} now={now} />
          ) : (
            <p className="flows-muted">Every flow is archived: restore one or create a new one.</p>
          )}
          {archived.length > 0 && (
            <details className="flows-archived">
              <summary>Archived flows ({archived.length})</summary>
              <FlowTable items={archived} now={now} />
            </details>
          )}
        </>
      )}
    </div>
  );
}

/** The flows as a table: name, published version, draft state, sources, last change. */
function FlowTable({ items, now }: { items: FlowListItem[]; now: number }) {
  return (
    <div className="card table-scroll">
      <table className="flows-table">
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Published</th>
            <th scope="col">Draft</th>
            <th scope="col">Sources</th>
            <th scope="col">Updated</th>
          </tr>
        </thead>
        <tbody>
          {items.map((flow) => (
            <tr key={flow.id}>
              <th scope="row">
                <Link to={`/flows/${flow.id}`} className="flows-name">
                  {flow.name}
                </Link>
                {flow.description && <span className="flows-description">{flow.description}</span>}
              </th>
              <td>
                {flow.publishedVersion === null ? (
                  <span className="pill pill-muted">Not published</span>
                ) : (
                  <span className="pill pill-ok">v{flow.publishedVersion}</span>
                )}
              </td>
              <td>
                {flow.draftChanged ? (
                  <span className="pill pill-warn">Unpublished changes</span>
                ) : (
                  <span className="flows-muted">Same as published</span>
                )}
              </td>
              <td>{flow.sourceCount}</td>
              <td>
                <RelativeTime iso={flow.updatedAt} now={now} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
