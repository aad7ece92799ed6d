import type { QualificationCorrectionBody } from '@baton/api-contract';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { newIdempotencyKey } from '../../api/idempotency-key';
import { leadKeys } from './leads.api';
import { postQualificationCorrection } from './qualification-correction.api';

/**
 * Sends one correction. Each submit gets a fresh Idempotency-Key (a network retry of it stores
 * one label); on success the lead is refetched, so the page shows the stored correction and its
 * timeline event rather than a guess.
 */
export function useQualificationCorrection(leadId: string) {
  const queryClient = useQueryClient();
  const mutation = useMutation({
    mutationFn: ({ body, key }: { body: QualificationCorrectionBody; key: string }) =>
      postQualificationCorrection(leadId, body, key),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: leadKeys.detail(leadId) }),
  });
  const submit = (body: QualificationCorrectionBody, onDone?: () => void) =>
    mutation.mutate({ body, key: newIdempotencyKey() }, { onSuccess: onDone });
  return { ...mutation, submit };
}
