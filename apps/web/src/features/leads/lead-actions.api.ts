import {
  leadActionResultSchema,
  userListSchema,
  type ContactedActionBody,
  type DisqualifyActionBody,
  type LeadActionResult,
  type NoteActionBody,
  type ReassignActionBody,
  type UserList,
} from '@baton/api-contract';
import { apiRequest } from '../../api/api-client';
import { idempotencyHeaderName } from '../../api/idempotency-key';

/** Each action, the path it posts to and the body it sends. */
export type LeadAction =
  | { kind: 'contacted'; body: ContactedActionBody }
  | { kind: 'claim'; body: Record<string, never> }
  | { kind: 'notes'; body: NoteActionBody }
  | { kind: 'disqualify'; body: DisqualifyActionBody }
  | { kind: 'reassign'; body: ReassignActionBody };

export type LeadActionKind = LeadAction['kind'];

export function postLeadAction(
  leadId: string,
  action: LeadAction,
  idempotencyKey: string,
): Promise<LeadActionResult> {
  return apiRequest(
    'POST',
    `/api/v1/leads/${encodeURIComponent(leadId)}/${action.kind}`,
    leadActionResultSchema,
    { body: action.body, headers: { [idempotencyHeaderName]: idempotencyKey } },
  );
}

export const repsQueryKey = ['people', 'users', { role: 'rep' }] as const;

/** Reps a manager can hand a lead to (managers and admins only). */
export function fetchReps(signal?: AbortSignal): Promise<UserList> {
  return apiRequest('GET', '/api/v1/users', userListSchema, { query: { role: 'rep' }, signal });
}
