import { useMutation, useQueryClient } from '@tanstack/react-query';
import { newIdempotencyKey } from '../../api/idempotency-key';
import { postLeadAction, type LeadAction } from './lead-actions.api';
import { leadKeys } from './leads.api';

interface LeadActionCall {
  action: LeadAction;
  idempotencyKey: string;
}

/**
 * Runs one lead action. Nothing optimistic: on success the lead (and the lists) are refetched,
 * so the page shows what the workflow actually did. `run` is one user click: it gets a fresh
 * Idempotency-Key, so a network retry of that click is not a second action.
 */
export function useLeadAction(leadId: string) {
  const queryClient = useQueryClient();
  const mutation = useMutation({
    mutationFn: ({ action, idempotencyKey }: LeadActionCall) =>
      postLeadAction(leadId, action, idempotencyKey),
    onSuccess: async () => {
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: leadKeys.detail(leadId) }),
        queryClient.invalidateQueries({ queryKey: leadKeys.lists() }),
      ]);
    },
  });
  const run = (action: LeadAction, onDone?: () => void) =>
    mutation.mutate({ action, idempotencyKey: newIdempotencyKey() }, { onSuccess: onDone });
  return { ...mutation, run };
}
