import {
  availabilitySchema,
  type Availability,
  type UpdateAvailability,
} from '@baton/api-contract';
import { apiRequest } from '../../api/api-client';

export const availabilityKey = ['me', 'availability'] as const;

export function fetchMyAvailability(signal?: AbortSignal): Promise<Availability> {
  return apiRequest('GET', '/api/v1/me/availability', availabilitySchema, { signal });
}

export function updateMyAvailability(change: UpdateAvailability): Promise<Availability> {
  return apiRequest('PATCH', '/api/v1/me/availability', availabilitySchema, { body: change });
}
