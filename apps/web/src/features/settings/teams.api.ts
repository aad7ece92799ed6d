import {
  scheduleListSchema,
  teamListSchema,
  teamViewSchema,
  type CreateTeam,
  type ScheduleList,
  type TeamList,
  type TeamView,
} from '@baton/api-contract';
import { apiRequest } from '../../api/api-client';

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
