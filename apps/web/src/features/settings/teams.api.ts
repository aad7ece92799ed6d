import {
  scheduleListSchema,
  teamListSchema,
  teamViewSchema,
  type CreateTeam,
  type ScheduleList,
  type TeamList,
  type TeamView,
  type UpdateTeam,
} from '@baton/api-contract';
import { apiCommand, apiRequest } from '../../api/api-client';

export const teamKeys = { all: ['teams'] as const, schedules: ['schedules'] as const };

export function fetchTeams(signal?: AbortSignal): Promise<TeamList> {
  return apiRequest('GET', '/api/v1/teams', teamListSchema, { signal });
}

export function fetchSchedules(signal?: AbortSignal): Promise<ScheduleList> {
  return apiRequest('GET', '/api/v1/schedules', scheduleListSchema, { signal });
}

export function createTeam(body: CreateTeam): Promise<TeamView> {
  return apiRequest('POST', '/api/v1/teams', teamViewSchema, { body });
}

export function setTeamMembers(id: string, userIds: string[]): Promise<TeamView> {
  return apiRequest('PUT', `/api/v1/teams/${encodeURIComponent(id)}/members`, teamViewSchema, {
    body: { userIds },
  });
}

/** Rename, change the manager or the schedule: only the fields sent change. */
export function updateTeam(id: string, body: UpdateTeam): Promise<TeamView> {
  return apiRequest('PATCH', `/api/v1/teams/${encodeURIComponent(id)}`, teamViewSchema, { body });
}

/** Refused (409) while a flow routes to the team. */
export function deleteTeam(id: string): Promise<void> {
  return apiCommand('DELETE', `/api/v1/teams/${encodeURIComponent(id)}`);
}
