import type { CreateSource, FlowListItem, SourceWithKey } from '@baton/api-contract';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { errorMessage, isApiRequestError } from '../../api/api-request-error';
import { createSource, sourceKeys } from './sources.api';
import { slugFrom } from './source-snippets';

interface NewSourceFormProps {
  flows: FlowListItem[];
  onCreated: (created: SourceWithKey) => void;
  onCancel: () => void;
}

const lines = (text: string) =>
  text
    .split(/[\n,]/)
    .map((l) => l.trim())
    .filter(Boolean);

/** A new source: its name and slug, the flow it feeds, where its form may be posted from. */
export function NewSourceForm({ flows, onCreated, onCancel }: NewSourceFormProps) {
  const queryClient = useQueryClient();
  const [name, setName] = useState('');
  const [slug, setSlug] = useState('');
  const [slugTouched, setSlugTouched] = useState(false);
  const [flowId, setFlowId] = useState(flows[0]?.id ?? '');
  const [origins, setOrigins] = useState('');
  const [thankYouUrl, setThankYouUrl] = useState('');
  const create = useMutation({
    mutationFn: (body: CreateSource) => createSource(body),
    onSuccess: (created) => {
      void queryClient.invalidateQueries({ queryKey: sourceKeys.all });
      onCreated(created);
    },
  });
  const issues = isApiRequestError(create.error) ? create.error.issues : [];
  const issueFor = (field: string) =>
    issues.find((i) => i.path === field || i.path.startsWith(`${field}.`))?.message;

  const field = (id: string, label: string, hint: string | null, control: React.ReactNode) => {
    const problem = issueFor(id);
    return (
      <div className="field">
        <label className="field-label" htmlFor={`source-${id}`}>
          {label}
        </label>
        {control}
        {hint && (
          <span className="source-hint" id={`source-${id}-hint`}>
            {hint}
          </span>
        )}
        {problem && (
          <span className="field-error" id={`source-${id}-error`}>
            {problem}
          </span>
        )}
      </div>
    );
  };
  const describedBy = (id: string) =>
    [`source-${id}-hint`, issueFor(id) ? `source-${id}-error` : null].filter(Boolean).join(' ');

  return (
    <form
      className="card source-form"
      aria-labelledby="new-source-title"
      onSubmit={(event) => {
        event.preventDefault();
        create.mutate({
          name,
          slug,
          flowId: flowId || null,
          allowedOrigins: lines(origins),
          thankYouUrl: thankYouUrl.trim() || null,
        });
      }}
    >
      <h2 id="new-source-title">New source</h2>
      {field(
        'name',
        'Name',
        null,
        <input
          id="source-name"
          required
          maxLength={200}
          value={name}
          aria-invalid={issueFor('name') ? true : undefined}
          onChange={(event) => {
            setName(event.target.value);
            if (!slugTouched) setSlug(slugFrom(event.target.value));
          }}
        />,
      )}
      {field(
        'slug',
        'Slug',
        'Part of the form address: /api/v1/intake/<slug>. Lower-case letters, digits and dashes.',
        <input
          id="source-slug"
          required
          maxLength={63}
          value={slug}
          aria-describedby={describedBy('slug')}
          aria-invalid={issueFor('slug') ? true : undefined}
          onChange={(event) => {
            setSlugTouched(true);
            setSlug(event.target.value);
          }}
        />,
      )}
      {field(
        'flowId',
        'Routes leads with',
        'The published version of this flow qualifies, routes and chases its leads.',
        <select
          id="source-flowId"
          value={flowId}
          aria-describedby={describedBy('flowId')}
          onChange={(event) => setFlowId(event.target.value)}
        >
          <option value="">No flow yet (leads wait in the inbox, unrouted)</option>
          {flows.map((flow) => (
            <option key={flow.id} value={flow.id}>
              {flow.name}
              {flow.publishedVersion === null ? ' (not published)' : ''}
            </option>
          ))}
        </select>,
      )}
      {field(
        'allowedOrigins',
        'Websites allowed to post its form',
        'One origin per line, e.g. https://www.example-dental.com. Leave empty for API use only.',
        <textarea
          id="source-allowedOrigins"
          rows={2}
          value={origins}
          aria-describedby={describedBy('allowedOrigins')}
          aria-invalid={issueFor('allowedOrigins') ? true : undefined}
          onChange={(event) => setOrigins(event.target.value)}
        />,
      )}
      {field(
        'thankYouUrl',
        'Thank-you page',
        'Where the form sends people after they submit. Optional.',
        <input
          id="source-thankYouUrl"
          type="url"
          value={thankYouUrl}
          placeholder="https://www.example-dental.com/thanks"
          aria-describedby={describedBy('thankYouUrl')}
          aria-invalid={issueFor('thankYouUrl') ? true : undefined}
          onChange={(event) => setThankYouUrl(event.target.value)}
        />,
      )}
      {create.isError && (
        <p role="alert" className="field-error">
          {errorMessage(create.error)}
        </p>
      )}
      <div className="source-form-actions">
        <button type="button" className="button button-quiet" onClick={onCancel}>
          Cancel
        </button>
        <button type="submit" className="button button-primary" disabled={create.isPending}>
          {create.isPending ? 'Creating…' : 'Create source'}
        </button>
      </div>
    </form>
  );
}
