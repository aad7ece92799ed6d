import {
  apiTokenListSchema,
  createdApiTokenSchema,
  ownedApiTokenListSchema,
  type ApiTokenList,
  type CreateApiToken,
  type CreatedApiToken,
  type OwnedApiTokenList,
} from '@baton/api-contract';
import { apiCommand, apiRequest } from '../../api/api-client';

export const apiTokenKeys = {
  /** Both lists: a change to one token can show in either. */
  all: ['api-tokens'] as const,
  mine: ['api-tokens', 'mine'] as const,
  everyone: ['api-tokens', 'everyone'] as const,
};

export function fetchMyTokens(signal?: AbortSignal): Promise<ApiTokenList> {
  return apiRequest('GET', '/api/v1/me/tokens', apiTokenListSchema, { signal });
}

export function createMyToken(body: CreateApiToken): Promise<CreatedApiToken> {
  return apiRequest('POST', '/api/v1/me/tokens', createdApiTokenSchema, { body });
}

export function revokeMyToken(id: string): Promise<void> {
  return apiCommand('DELETE', `/api/v1/me/tokens/${encodeURIComponent(id)}`);
}

/** Admins: everyone's working tokens. */
export function fetchEveryonesTokens(signal?: AbortSignal): Promise<OwnedApiTokenList> {
  return apiRequest('GET', '/api/v1/tokens', ownedApiTokenListSchema, { signal });
}

export function revokeAnyToken(id: string): Promise<void> {
  return apiCommand('DELETE', `/api/v1/tokens/${encodeURIComponent(id)}`);
}
