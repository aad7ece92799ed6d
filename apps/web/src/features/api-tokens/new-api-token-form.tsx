import type { CreateApiToken, CreatedApiToken } from '@baton/api-contract';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { errorMessage, isApiRequestError } from '../../api/api-request-error';
import { apiTokenKeys, createMyToken } from './api-tokens.api';

interface NewApiTokenFormProps {
  onCreated: (created: CreatedApiToken) => void;
  onCancel: () => void;
}

/** Expiry choices; a token that never expires is possible but not the default. */
const expiryChoices = [
  { value: '7', label: '7 days' },
  { value: '30', label: '30 days' },
  { value: '90', label: '90 days' },
  { value: '365', label: '1 year' },
  { value: 'never', label: 'Never (revoke it by hand)' },
] as const;

/** A new token: what it is for, and when it stops working. */
export function NewApiTokenForm({ onCreated, onCancel }: NewApiTokenFormProps) {
  const queryClient = useQueryClient();
  const [name, setName] = useState('');
  const [expiry, setExpiry] = useState<string>('90');
  const create = useMutation({
    mutationFn: (body: CreateApiToken) => createMyToken(body),
    onSuccess: (created) => {
      void queryClient.invalidateQueries({ queryKey: apiTokenKeys.all });
      onCreated(created);
    },
  });
  const issues = isApiRequestError(create.error) ? create.error.issues : [];
  const issueFor = (field: string) => issues.find((i) => i.path === field)?.message;
  const nameProblem = issueFor('name');
  const expiryProblem = issueFor('expiresInDays');

  return (
    <form
      className="card source-form"
      aria-labelledby="new-api-token-title"
      onSubmit={(event) => {
        event.preventDefault();
        create.mutate({
          name,
          expiresInDays: expiry === 'never' ? null : Number(expiry),
        });
      }}
    >
      <h2 id="new-api-token-title">New API token</h2>
      <div className="field">
        <label className="field-label" htmlFor="api-token-name">
          Name
        </label>
        <input
          id="api-token-name"
          required
          maxLength={100}
          value={name}
          placeholder="e.g. CRM sync, nightly report"
          aria-describedby={['api-token-name-hint', nameProblem ? 'api-token-name-error' : null]
            .filter(Boolean)
            .join(' ')}
          aria-invalid={nameProblem ? true : undefined}
          onChange={(event) => setName(event.target.value)}
        />
        <span className="source-hint" id="api-token-name-hint">
          What uses it, so you know which one to revoke later.
        </span>
        {nameProblem && (
          <span className="field-error" id="api-token-name-error">
            {nameProblem}
          </span>
        )}
      </div>
      <div className="field">
        <label className="field-label" htmlFor="api-token-expiry">
          Expires after
        </label>
        <select
          id="api-token-expiry"
          value={expiry}
          aria-invalid={expiryProblem ? true : undefined}
          aria-describedby={expiryProblem ? 'api-token-expiry-error' : undefined}
          onChange={(event) => setExpiry(event.target.value)}
        >
          {expiryChoices.map((choice) => (
            <option key={choice.value} value={choice.value}>
              {choice.label}
            </option>
          ))}
        </select>
        {expiryProblem && (
          <span className="field-error" id="api-token-expiry-error">
            {expiryProblem}
          </span>
        )}
      </div>
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
          {create.isPending ? 'Creating…' : 'Create token'}
        </button>
      </div>
    </form>
  );
}
