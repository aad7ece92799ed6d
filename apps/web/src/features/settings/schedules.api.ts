import {
  type ScheduleBody,
  type SchedulePreview,
  schedulePreviewSchema,
  type ScheduleView,
  scheduleViewSchema,
} from '@baton/api-contract';
import { apiCommand, apiRequest } from '../../api/api-client';

const schedulePath = (id: string) => `/api/v1/schedules/${encodeURIComponent(id)}`;

export const scheduleKeys = {
  preview: (id: string, from: string) => ['schedules', id, 'preview', from] as const,
};

export function createSchedule(body: ScheduleBody): Promise<ScheduleView> {
  return apiRequest('POST', '/api/v1/schedules', scheduleViewSchema, { body });
}

/** A schedule is one document: the body replaces it whole. */
export function replaceSchedule(id: string, body: ScheduleBody): Promise<ScheduleView> {
  return apiRequest('PUT', schedulePath(id), scheduleViewSchema, { body });
}

export function deleteSchedule(id: string): Promise<void> {
  return apiCommand('DELETE', schedulePath(id));
}

export function fetchSchedulePreview(
  id: string,
  from: string,
  signal?: AbortSignal,
): Promise<SchedulePreview> {
  return apiRequest('GET', `${schedulePath(id)}/preview`, schedulePreviewSchema, {
    query: { from },
    signal,
  });
}
