import {
  invitationSentSchema,
  userListSchema,
  userRemovalSchema,
  userViewSchema,
  type CreateInvitation,
  type CreateUser,
  type InvitationSent,
  type UpdateUser,
  type UserList,
  type UserRemoval,
  type UserView,
} from '@baton/api-contract';
import { apiRequest } from '../../api/api-client';

export const peopleKeys = { all: ['people'] as const };

export function fetchPeople(signal?: AbortSignal): Promise<UserList> {
  return apiRequest('GET', '/api/v1/users', userListSchema, { signal });
}

export function createPerson(body: CreateUser): Promise<UserView> {
  return apiRequest('POST', '/api/v1/users', userViewSchema, { body });
}

export function updatePerson(id: string, body: UpdateUser): Promise<UserView> {
  return apiRequest('PATCH', `/api/v1/users/${encodeURIComponent(id)}`, userViewSchema, { body });
}

export function removePerson(id: string): Promise<UserRemoval> {
  return apiRequest('DELETE', `/api/v1/users/${encodeURIComponent(id)}`, userRemovalSchema);
}

/** Adds the person and emails them a one-time link to choose their password. */
export function invitePerson(body: CreateInvitation): Promise<InvitationSent> {
  return apiRequest('POST', '/api/v1/invitations', invitationSentSchema, { body });
}

/** A new link for someone who cannot sign in; the previous link stops working. */
export function sendInvitation(id: string): Promise<InvitationSent> {
  return apiRequest(
    'POST',
    `/api/v1/users/${encodeURIComponent(id)}/invitation`,
    invitationSentSchema,
  );
}
