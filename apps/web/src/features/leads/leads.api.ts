import {
  leadDetailSchema,
  leadListSchema,
  type LeadDetail,
  type LeadList,
  type LeadStatus,
} from '@baton/api-contract';
import { apiRequest } from '../../api/api-client';

export interface LeadFilters {
  status?: LeadStatus;
  q?: string;
}

export const leadPageSize = 25;

// One tree of keys, so live updates can refresh "all lists" or "this one lead".
export const leadKeys = {
  all: ['leads'] as const,
  lists: () => [...leadKeys.all, 'list'] as const,
  list: (filters: LeadFilters) => [...leadKeys.lists(), filters] as const,
  details: () => [...leadKeys.all, 'detail'] as const,
  detail: (leadId: string) => [...leadKeys.details(), leadId] as const,
};

export function fetchLeadPage(
  filters: LeadFilters,
  cursor: string | undefined,
  signal?: AbortSignal,
): Promise<LeadList> {
  return apiRequest('GET', '/api/v1/leads', leadListSchema, {
    query: { status: filters.status, q: filters.q, limit: leadPageSize, cursor },
    signal,
  });
}

export function fetchLead(leadId: string, signal?: AbortSignal): Promise<LeadDetail> {
  return apiRequest('GET', `/api/v1/leads/${encodeURIComponent(leadId)}`, leadDetailSchema, {
    signal,
  });
}
