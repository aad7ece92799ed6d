import type { SourceWithKey } from '@baton/api-contract';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { errorMessage } from '../../api/api-request-error';
import { ErrorNotice } from '../../ui/error-notice';
import { LoadingState } from '../../ui/loading-state';
import { useCurrentUser } from '../auth/current-user-context';
import { fetchFlows, flowKeys } from '../flows/flows.api';
import { NewSourceForm } from './new-source-form';
import { SourceCard } from './source-card';
import { SourceKeyReveal } from './source-key-reveal';
import { fetchSources, sourceKeys } from './sources.api';
import './settings-pages.css';
import { SettingsNav } from './settings-nav';

/** Where leads come from: admins create sources and rotate keys; managers read them. */
export function SourcesPage() {
  const user = useCurrentUser();
  const canAdminister = user.role === 'admin';
  const sources = useQuery({
    queryKey: sourceKeys.all,
    queryFn: ({ signal }) => fetchSources(signal),
  });
  const flows = useQuery({
    queryKey: flowKeys.list(),
    queryFn: ({ signal }) => fetchFlows(signal),
  });
  const [creating, setCreating] = useState(false);
  const [shown, setShown] = useState<SourceWithKey | null>(null);
  const activeFlows = flows.data?.items.filter((f) => f.archivedAt === null) ?? [];
  const flowName = (id: string | null) =>
    id ? (flows.data?.items.find((f) => f.id === id)?.name ?? 'A flow') : null;

  return (
    <div className="sources-page">
      <SettingsNav />
      <header className="sources-header">
        <div>
          <h1>Sources</h1>
          <p className="sources-lede">
            Where leads come from: a form on your website, an ad platform, or anything that can send
            an HTTP request. Each source has its own key and the flow that routes its leads.
          </p>
        </div>
        {canAdminister && !creating && (
          <button type="button" className="button button-primary" onClick={() => setCreating(true)}>
            New source
          </button>
        )}
      </header>
      {shown && <SourceKeyReveal shown={shown} onDone={() => setShown(null)} />}
      {creating && (
        <NewSourceForm
          flows={activeFlows}
          onCancel={() => setCreating(false)}
          onCreated={(created) => {
            setCreating(false);
            setShown(created);
          }}
        />
      )}
      {sources.isPending ? (
        <LoadingState label="Loading sources…" />
      ) : sources.isError ? (
        <ErrorNotice
          title="Sources could not be loaded"
          message={errorMessage(sources.error)}
          onRetry={() => void sources.refetch()}
        />
      ) : sources.data.items.length === 0 ? (
        <section className="card card-body sources-empty">
          <h2>No sources yet</h2>
          <p>
            {canAdminister
              ? 'Create one for each place leads come from. You get an API key for scripts and a ready-made HTML form for your website.'
              : 'An admin creates a source for each place leads come from.'}
          </p>
        </section>
      ) : (
        <div className="sources-list">
          {sources.data.items.map((source) => (
            <SourceCard
              key={source.id}
              source={source}
              flowName={flowName(source.flowId)}
              flows={flows.data?.items ?? []}
              canAdminister={canAdminister}
              onKey={setShown}
            />
          ))}
        </div>
      )}
    </div>
  );
}
