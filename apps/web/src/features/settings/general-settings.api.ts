import { settingsSchema, type Settings, type UpdateSettings } from '@baton/api-contract';
import { apiRequest } from '../../api/api-client';

export const settingsKeys = { all: ['settings'] as const };

export function fetchSettings(signal?: AbortSignal): Promise<Settings> {
  return apiRequest('GET', '/api/v1/settings', settingsSchema, { signal });
}

export function updateSettings(body: UpdateSettings): Promise<Settings> {
  return apiRequest('PATCH', '/api/v1/settings', settingsSchema, { body });
}
