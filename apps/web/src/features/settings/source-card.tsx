import type { FlowListItem, SourceView, SourceWithKey } from '@baton/api-contract';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { errorMessage } from '../../api/api-request-error';
import { CopyButton } from '../../ui/copy-button';
import { SourceEditForm } from './source-edit-form';
import { SourceSigningPanel } from './source-signing-panel';
import { rotateSourceKey, sourceKeys } from './sources.api';
import { curlSnippet, formSnippet } from './source-snippets';

interface SourceCardProps {
  source: SourceView;
  flowName: string | null;
  /** Every flow, for the edit form's picker. */
  flows: FlowListItem[];
  canAdminister: boolean;
  onKey: (shown: SourceWithKey) => void;
}

/** One source: what it feeds, who may post to it, signing, and how to connect a website or a script. */
export function SourceCard({ source, flowName, flows, canAdminister, onKey }: SourceCardProps) {
  const queryClient = useQueryClient();
  const [editing, setEditing] = useState(false);
  const rotate = useMutation({
    mutationFn: () => rotateSourceKey(source.id),
    onSuccess: (shown) => {
      void queryClient.invalidateQueries({ queryKey: sourceKeys.all });
      onKey(shown);
    },
  });
  const origin = window.location.origin;
  const titleId = `source-${source.id}-title`;
  return (
    <article className="card source-card" aria-labelledby={titleId} data-testid="source-card">
      <header className="source-card-header">
        <div>
          <h2 id={titleId}>{source.name}</h2>
          <p className="source-meta">
            <code>{source.slug}</code> · key starts <code>{source.apiKeyPrefix}</code>
            {!source.active && <span className="source-inactive"> · paused</span>}
          </p>
        </div>
        {canAdminister && (
          <div className="source-card-actions">
            {!editing && (
              <button type="button" className="button" onClick={() => setEditing(true)}>
                Edit
              </button>
            )}
            <button
              type="button"
              className="button"
              disabled={rotate.isPending}
              onClick={() => {
                if (
                  window.confirm(
                    `Rotate the API key of ${source.name}? The old key stops working at once.`,
                  )
                )
                  rotate.mutate();
              }}
            >
              {rotate.isPending ? 'Rotating…' : 'Rotate key'}
            </button>
          </div>
        )}
      </header>
      {rotate.isError && (
        <p role="alert" className="field-error">
          {errorMessage(rotate.error)}
        </p>
      )}
      {editing ? (
        <SourceEditForm source={source} flows={flows} onDone={() => setEditing(false)} />
      ) : (
        <dl className="source-facts">
          <dt>Routes leads with</dt>
          <dd>{flowName ?? 'No flow: leads wait in the inbox for someone to claim them'}</dd>
          <dt>Form allowed from</dt>
          <dd>
            {source.allowedOrigins.length > 0
              ? source.allowedOrigins.join(', ')
              : 'Nowhere yet (API only): add your website to post its form'}
          </dd>
          <dt>After the form</dt>
          <dd>{source.thankYouUrl ?? 'Baton’s own thank-you page'}</dd>
        </dl>
      )}
      <details className="source-snippet">
        <summary>Add a form to your website (HTML, no JavaScript)</summary>
        <div className="source-code">
          <pre>
            <code>{formSnippet(origin, source.slug)}</code>
          </pre>
          <CopyButton text={formSnippet(origin, source.slug)} label="Copy form" />
        </div>
      </details>
      <details className="source-snippet">
        <summary>Send leads from code (curl)</summary>
        <div className="source-code">
          <pre>
            <code>{curlSnippet(origin)}</code>
          </pre>
          <CopyButton text={curlSnippet(origin)} />
        </div>
      </details>
      <SourceSigningPanel source={source} canAdminister={canAdminister} />
    </article>
  );
}
