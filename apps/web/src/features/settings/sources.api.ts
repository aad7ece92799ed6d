import {
  sourceListSchema,
  sourceSigningSchema,
  type SourceSigning,
  sourceViewSchema,
  sourceWithKeySchema,
  type CreateSource,
  type SourceList,
  type SourceView,
  type SourceWithKey,
  type UpdateSource,
} from '@baton/api-contract';
import { apiRequest } from '../../api/api-client';

export const sourceKeys = {
  all: ['sources'] as const,
  signing: (id: string) => ['sources', id, 'signing'] as const,
};

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

const signingPath = (id: string) => `/api/v1/sources/${encodeURIComponent(id)}/signing`;

/** Whether the source requires signed requests; never the secret. */
export function fetchSourceSigning(id: string, signal?: AbortSignal): Promise<SourceSigning> {
  return apiRequest('GET', signingPath(id), sourceSigningSchema, { signal });
}

/** Turning signing on answers with the secret, the only time it is shown. */
export function setSourceSigning(id: string, required: boolean): Promise<SourceSigning> {
  return apiRequest('POST', signingPath(id), sourceSigningSchema, { body: { required } });
}

export function rotateSourceSigning(id: string): Promise<SourceSigning> {
  return apiRequest('POST', `${signingPath(id)}/rotate`, sourceSigningSchema);
}
