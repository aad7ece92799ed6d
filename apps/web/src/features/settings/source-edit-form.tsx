import type { FlowListItem, SourceView, UpdateSource } from '@baton/api-contract';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { errorMessage, isApiRequestError } from '../../api/api-request-error';
import { OriginListEditor, originProblem } from './origin-list-editor';
import { sourceKeys, updateSource } from './sources.api';

interface SourceEditFormProps {
  source: SourceView;
  flows: FlowListItem[];
  onDone: () => void;
}

/** Changes a source after the fact: its name, its flow, where its form may be posted from, the thank-you page. */
export function SourceEditForm({ source, flows, onDone }: SourceEditFormProps) {
  const queryClient = useQueryClient();
  const [name, setName] = useState(source.name);
  const [flowId, setFlowId] = useState(source.flowId ?? '');
  const [origins, setOrigins] = useState(source.allowedOrigins);
  const [thankYouUrl, setThankYouUrl] = useState(source.thankYouUrl ?? '');
  const [tried, setTried] = useState(false);
  const save = useMutation({
    mutationFn: (body: UpdateSource) => updateSource(source.id, body),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: sourceKeys.all });
      onDone();
    },
  });
  const issues = isApiRequestError(save.error) ? save.error.issues : [];
  const issueFor = (field: string) => issues.find((i) => i.path === field)?.message;
  const originIssues = Object.fromEntries(
    issues
      .map((i) => /^allowedOrigins\.(\d+)$/.exec(i.path))
      .filter((m): m is RegExpExecArray => m !== null)
      .map((m) => [Number(m[1]), issues.find((i) => i.path === m[0])?.message ?? '']),
  );
  const filled = origins.map((o) => o.trim()).filter(Boolean);
  const badOrigin = filled.map(originProblem).find((p) => p !== null);
  // A flow that is archived still shows while it is the current one, so the select never lies.
  const choices = flows.filter((f) => f.archivedAt === null || f.id === source.flowId);
  const prefix = `edit-${source.id}`;

  return (
    <form
      className="source-form source-edit"
      aria-label={`Edit ${source.name}`}
      onSubmit={(event) => {
        event.preventDefault();
        setTried(true);
        if (badOrigin) return;
        save.mutate({
          name,
          flowId: flowId || null,
          allowedOrigins: filled,
          thankYouUrl: thankYouUrl.trim() || null,
        });
      }}
    >
      <div className="field">
        <label className="field-label" htmlFor={`${prefix}-name`}>
          Name
        </label>
        <input
          id={`${prefix}-name`}
          required
          maxLength={200}
          value={name}
          aria-invalid={issueFor('name') ? true : undefined}
          onChange={(event) => setName(event.target.value)}
        />
        {issueFor('name') && <span className="field-error">{issueFor('name')}</span>}
      </div>
      <div className="field">
        <label className="field-label" htmlFor={`${prefix}-flow`}>
          Routes leads with
        </label>
        <select
          id={`${prefix}-flow`}
          value={flowId}
          onChange={(event) => setFlowId(event.target.value)}
        >
          <option value="">No flow (leads wait in the inbox, unrouted)</option>
          {choices.map((flow) => (
            <option key={flow.id} value={flow.id}>
              {flow.name}
              {flow.publishedVersion === null ? ' (not published)' : ''}
            </option>
          ))}
        </select>
        {issueFor('flowId') && <span className="field-error">{issueFor('flowId')}</span>}
      </div>
      <OriginListEditor origins={origins} onChange={setOrigins} serverProblems={originIssues} />
      <div className="field">
        <label className="field-label" htmlFor={`${prefix}-thanks`}>
          Thank-you page
        </label>
        <input
          id={`${prefix}-thanks`}
          type="url"
          value={thankYouUrl}
          placeholder="https://www.example-dental.com/thanks"
          aria-describedby={`${prefix}-thanks-hint`}
          aria-invalid={issueFor('thankYouUrl') ? true : undefined}
          onChange={(event) => setThankYouUrl(event.target.value)}
        />
        <span className="source-hint" id={`${prefix}-thanks-hint`}>
          Where the form sends people after they submit. Empty: Baton’s own page.
        </span>
        {issueFor('thankYouUrl') && <span className="field-error">{issueFor('thankYouUrl')}</span>}
      </div>
      {tried && badOrigin && (
        <p role="alert" className="field-error">
          Fix the website list first: {badOrigin}
        </p>
      )}
      {save.isError && (
        <p role="alert" className="field-error">
          {errorMessage(save.error)}
        </p>
      )}
      <div className="source-form-actions">
        <button type="button" className="button button-quiet" onClick={onDone}>
          Cancel
        </button>
        <button type="submit" className="button button-primary" disabled={save.isPending}>
          {save.isPending ? 'Saving…' : 'Save changes'}
        </button>
      </div>
    </form>
  );
}
