import {
  demoDataRemovedSchema,
  demoDataSchema,
  type DemoData,
  type DemoDataRemoved,
} from '@baton/api-contract';
import { apiRequest } from '../../api/api-client';

export const demoDataKeys = { all: ['demo-data'] as const };

/** How many sample leads the demo seed left (admins only). */
export function fetchDemoData(signal?: AbortSignal): Promise<DemoData> {
  return apiRequest('GET', '/api/v1/demo-data', demoDataSchema, { signal });
}

export function removeDemoData(): Promise<DemoDataRemoved> {
  return apiRequest('DELETE', '/api/v1/demo-data', demoDataRemovedSchema);
}
