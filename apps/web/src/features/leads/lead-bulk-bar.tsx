import type { BulkActionResult, LeadSummary } from '@baton/api-contract';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { errorMessage } from '../../api/api-request-error';
import { newIdempotencyKey } from '../../api/idempotency-key';
import { useCurrentUser } from '../auth/current-user-context';
import { fetchReps, repsQueryKey } from './lead-actions.api';
import { type BulkAction, leadKeys, postBulkAction } from './leads.api';

interface LeadBulkBarProps {
  selected: LeadSummary[];
  onDone: () => void;
}

interface Outcome {
  verb: string;
  result: BulkActionResult;
  names: Map<string, string>;
}

/**
 * Acts on the selected rows at once: assign them to a person (managers and admins) or disqualify
 * them as spam. Each lead goes through its own action on the server; the answer says which
 * failed and why, so nobody has to guess what happened to the rest.
 */
export function LeadBulkBar({ selected, onDone }: LeadBulkBarProps) {
  const user = useCurrentUser();
  const canAssign = user.role === 'manager' || user.role === 'admin';
  const queryClient = useQueryClient();
  const [toUserId, setToUserId] = useState('');
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const reps = useQuery({
    queryKey: repsQueryKey,
    queryFn: ({ signal }) => fetchReps(signal),
    enabled: canAssign,
  });
  const mutation = useMutation({
    mutationFn: (action: BulkAction) => postBulkAction(action, newIdempotencyKey()),
    onSuccess: async (result, action) => {
      setOutcome({
        verb: action.kind === 'assign' ? 'assigned' : 'disqualified as spam',
        result,
        names: new Map(selected.map((l) => [l.id, l.contact.name])),
      });
      onDone();
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: leadKeys.lists() }),
        queryClient.invalidateQueries({ queryKey: leadKeys.viewCountsAll() }),
      ]);
    },
  });
  const leadIds = selected.map((l) => l.id);

  return (
    <div className="inbox-bulk" role="region" aria-label="Bulk actions">
      {selected.length > 0 && (
        <div className="inbox-bulk-bar">
          <span className="inbox-bulk-count">{selected.length} selected</span>
          {canAssign && (
            <>
              <label>
                <span className="visually-hidden">Assign to</span>
                <select
                  value={toUserId}
                  onChange={(event) => setToUserId(event.target.value)}
                  disabled={reps.isPending}
                >
                  <option value="">Assign to…</option>
                  {reps.data?.items.map((rep) => (
                    <option key={rep.id} value={rep.id}>
                      {rep.name}
                    </option>
                  ))}
                </select>
              </label>
              <button
                type="button"
                className="button"
                disabled={!toUserId || mutation.isPending}
                onClick={() => mutation.mutate({ kind: 'assign', leadIds, toUserId })}
              >
                Assign
              </button>
            </>
          )}
          <button
            type="button"
            className="button button-danger"
            disabled={mutation.isPending}
            onClick={() => mutation.mutate({ kind: 'disqualify', leadIds })}
          >
            Disqualify as spam
          </button>
          {mutation.isPending && <span role="status">Working…</span>}
        </div>
      )}
      {mutation.isError && (
        <p role="alert" className="inbox-bulk-error">
          Nothing was changed: {errorMessage(mutation.error)}
        </p>
      )}
      {outcome && <BulkOutcome outcome={outcome} onDismiss={() => setOutcome(null)} />}
    </div>
  );
}

function BulkOutcome({ outcome, onDismiss }: { outcome: Outcome; onDismiss: () => void }) {
  const { results } = outcome.result;
  const done = results.filter((r) => r.ok).length;
  const failed = results.filter((r) => !r.ok);
  return (
    <div
      className={`inbox-bulk-outcome ${failed.length ? 'has-failures' : ''}`}
      role="status"
      data-testid="bulk-outcome"
    >
      <p>
        {done} of {results.length} {results.length === 1 ? 'lead' : 'leads'} {outcome.verb}.
        {failed.length > 0 && ` ${failed.length} failed:`}
      </p>
      {failed.length > 0 && (
        <ul>
          {failed.map((r) => (
            <li key={r.leadId}>
              {outcome.names.get(r.leadId) ?? r.leadId}: {r.ok ? '' : r.message}
            </li>
          ))}
        </ul>
      )}
      <button type="button" className="button button-quiet" onClick={onDismiss}>
        Dismiss
      </button>
    </div>
  );
}
