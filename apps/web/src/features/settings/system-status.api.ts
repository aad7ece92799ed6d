import {
  capturedMailListSchema,
  systemStatusSchema,
  type CapturedMailList,
  type SystemStatus,
} from '@baton/api-contract';
import { apiRequest } from '../../api/api-client';

export const statusKeys = { all: ['status'] as const, mail: ['status', 'mail'] as const };

export function fetchSystemStatus(signal?: AbortSignal): Promise<SystemStatus> {
  return apiRequest('GET', '/api/v1/status', systemStatusSchema, { signal });
}

/** Mail the local capture received (npm start mode only: 404 otherwise). */
export function fetchCapturedMail(signal?: AbortSignal): Promise<CapturedMailList> {
  return apiRequest('GET', '/api/v1/dev/mail', capturedMailListSchema, { signal });
}
