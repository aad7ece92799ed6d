import {
  sourceListSchema,
  sourceViewSchema,
  sourceWithKeySchema,
  type CreateSource,
  type SourceList,
  type SourceView,
  type SourceWithKey,
  type UpdateSource,
} from '@baton/api-contract';
import { apiRequest } from '../../api/api-client';

export const sourceKeys = { all: ['sources'] as const };

export function fetchSources(signal?: AbortSignal): Promise<SourceList> {
  return apiRequest('GET', '/api/v1/sources', sourceListSchema, { signal });
}

export function createSource(body: CreateSource): Promise<SourceWithKey> {
  return apiRequest('POST', '/api/v1/sources', sourceWithKeySchema, { body });
}

export function rotateSourceKey(id: string): Promise<SourceWithKey> {
  return apiRequest(
    'POST',
    `/api/v1/sources/${encodeURIComponent(id)}/rotate-key`,
    sourceWithKeySchema,
  );
}

export function updateSource(id: string, body: UpdateSource): Promise<SourceView> {
  return apiRequest('PATCH', `/api/v1/sources/${encodeURIComponent(id)}`, sourceViewSchema, {
    body,
  });
}
