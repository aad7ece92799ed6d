import {
  currentUserSchema,
  invitationLookupSchema,
  type AcceptInvitation,
  type CurrentUser,
  type InvitationLookup,
} from '@baton/api-contract';
import { apiRequest } from '../../api/api-client';

const invitationPath = (token: string) => `/api/v1/invitations/${encodeURIComponent(token)}`;

export const invitationKeys = { one: (token: string) => ['invitation', token] as const };

export function fetchInvitation(token: string, signal?: AbortSignal): Promise<InvitationLookup> {
  return apiRequest('GET', invitationPath(token), invitationLookupSchema, { signal });
}

/** Sets the password; the answer's cookies sign this browser in. */
export function acceptInvitation(token: string, body: AcceptInvitation): Promise<CurrentUser> {
  return apiRequest('POST', `${invitationPath(token)}/accept`, currentUserSchema, { body });
}
