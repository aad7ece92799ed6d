import type { CreatedApiToken } from '@baton/api-contract';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { errorMessage } from '../../api/api-request-error';
import { CopyButton } from '../../ui/copy-button';
import { ErrorNotice } from '../../ui/error-notice';
import { LoadingState } from '../../ui/loading-state';
import { useCurrentUser } from '../auth/current-user-context';
import { ApiTokenReveal } from './api-token-reveal';
import { leadsSnippet, whoAmISnippet } from './api-token-snippets';
import { ApiTokenTable } from './api-token-table';
import {
  apiTokenKeys,
  fetchEveryonesTokens,
  fetchMyTokens,
  revokeAnyToken,
  revokeMyToken,
} from './api-tokens.api';
import { NewApiTokenForm } from './new-api-token-form';
import '../settings/settings-pages.css';
import './api-tokens.css';

/** Personal API tokens: scripts call the API as the signed-in person. Admins see everyone's. */
export function ApiTokensPage() {
  const user = useCurrentUser();
  const mine = useQuery({
    queryKey: apiTokenKeys.mine,
    queryFn: ({ signal }) => fetchMyTokens(signal),
  });
  const [creating, setCreating] = useState(false);
  const [shown, setShown] = useState<CreatedApiToken | null>(null);

  return (
    <div className="sources-page">
      <header className="sources-header">
        <div>
          <h1>API tokens</h1>
          <p className="sources-lede">
            A token lets a script or another system call the Baton API as you, without a browser. It
            can do exactly what you can as {user.role === 'admin' ? 'an' : 'a'} {user.role}, and
            stops working when it expires, when you revoke it, or when your account is removed.
          </p>
        </div>
        {!creating && (
          <button type="button" className="button button-primary" onClick={() => setCreating(true)}>
            New token
          </button>
        )}
      </header>
      {shown && <ApiTokenReveal shown={shown} onDone={() => setShown(null)} />}
      {creating && (
        <NewApiTokenForm
          onCancel={() => setCreating(false)}
          onCreated={(created) => {
            setCreating(false);
            setShown(created);
          }}
        />
      )}
      {mine.isPending ? (
        <LoadingState label="Loading your tokens…" />
      ) : mine.isError ? (
        <ErrorNotice
          title="Your tokens could not be loaded"
          message={errorMessage(mine.error)}
          onRetry={() => void mine.refetch()}
        />
      ) : mine.data.items.length === 0 ? (
        <section className="card card-body sources-empty api-tokens-empty">
          <h2>No API tokens yet</h2>
          <p>
            Create one for each script or system that calls Baton, so you can revoke one without
            breaking the others. Send it in the Authorization header:
          </p>
          <UsageSnippet snippet={whoAmISnippet(window.location.origin)} />
          <p>
            The API’s reference, with every route, is at <a href="/api/docs">/api/docs</a>.
          </p>
        </section>
      ) : (
        <section className="card" aria-labelledby="my-api-tokens-title">
          <h2 className="card-title" id="my-api-tokens-title">
            Your tokens
          </h2>
          <ApiTokenTable caption="Your tokens" tokens={mine.data.items} revoke={revokeMyToken} />
          <details className="source-snippet api-tokens-usage">
            <summary>Call the API with a token (curl)</summary>
            <UsageSnippet snippet={leadsSnippet(window.location.origin)} />
            <p>
              Every route is described at <a href="/api/docs">/api/docs</a>.
            </p>
          </details>
        </section>
      )}
      {user.role === 'admin' && <EveryonesTokens />}
    </div>
  );
}

function UsageSnippet({ snippet }: { snippet: string }) {
  return (
    <div className="source-code">
      <pre>
        <code>{snippet}</code>
      </pre>
      <CopyButton text={snippet} />
    </div>
  );
}

/** Admins: every working token in Baton, to revoke when someone leaves or a token leaks. */
function EveryonesTokens() {
  const all = useQuery({
    queryKey: apiTokenKeys.everyone,
    queryFn: ({ signal }) => fetchEveryonesTokens(signal),
  });
  return (
    <section className="card" aria-labelledby="all-api-tokens-title">
      <h2 className="card-title" id="all-api-tokens-title">
        All tokens
      </h2>
      {all.isPending ? (
        <LoadingState label="Loading everyone’s tokens…" />
      ) : all.isError ? (
        <ErrorNotice
          title="Everyone’s tokens could not be loaded"
          message={errorMessage(all.error)}
          onRetry={() => void all.refetch()}
        />
      ) : all.data.items.length === 0 ? (
        <p className="card-body api-tokens-none">
          Nobody has a working API token. When someone leaves, revoke theirs here; removing the
          person on the People page revokes them too.
        </p>
      ) : (
        <ApiTokenTable
          caption="All working tokens"
          tokens={all.data.items}
          showOwner
          revoke={revokeAnyToken}
        />
      )}
    </section>
  );
}
