import {
  bulkActionResultSchema,
  leadDetailSchema,
  leadListSchema,
  leadViewCountsSchema,
  type BulkActionResult,
  type LeadDetail,
  type LeadList,
  type LeadSort,
  type LeadStatus,
  type LeadView,
  type LeadViewCounts,
} from '@baton/api-contract';
import { apiRequest } from '../../api/api-client';
import { idempotencyHeaderName } from '../../api/idempotency-key';

export interface LeadFilters {
  status?: LeadStatus;
  q?: string;
  view?: LeadView;
  sort?: LeadSort;
}

export const leadPageSize = 25;

// One tree of keys, so live updates can refresh "all lists" or "this one lead".
export const leadKeys = {
  all: ['leads'] as const,
  lists: () => [...leadKeys.all, 'list'] as const,
  list: (filters: LeadFilters) => [...leadKeys.lists(), filters] as const,
  viewCountsAll: () => [...leadKeys.all, 'view-counts'] as const,
  viewCounts: (filters: Pick<LeadFilters, 'status' | 'q'>) =>
    [...leadKeys.viewCountsAll(), filters] as const,
  details: () => [...leadKeys.all, 'detail'] as const,
  detail: (leadId: string) => [...leadKeys.details(), leadId] as const,
};

export function fetchLeadPage(
  filters: LeadFilters,
  cursor: string | undefined,
  signal?: AbortSignal,
): Promise<LeadList> {
  return apiRequest('GET', '/api/v1/leads', leadListSchema, {
    query: {
      status: filters.status,
      q: filters.q,
      view: filters.view,
      sort: filters.sort,
      limit: leadPageSize,
      cursor,
    },
    signal,
  });
}

export function fetchViewCounts(
  filters: Pick<LeadFilters, 'status' | 'q'>,
  signal?: AbortSignal,
): Promise<LeadViewCounts> {
  return apiRequest('GET', '/api/v1/leads/view-counts', leadViewCountsSchema, {
    query: { status: filters.status, q: filters.q },
    signal,
  });
}

export function fetchLead(leadId: string, signal?: AbortSignal): Promise<LeadDetail> {
  return apiRequest('GET', `/api/v1/leads/${encodeURIComponent(leadId)}`, leadDetailSchema, {
    signal,
  });
}

export type BulkAction =
  | { kind: 'assign'; leadIds: string[]; toUserId: string }
  | { kind: 'disqualify'; leadIds: string[] };

/** A bulk action: each lead through its single action, one result per lead. */
export function postBulkAction(
  action: BulkAction,
  idempotencyKey: string,
): Promise<BulkActionResult> {
  const { kind, ...body } = action;
  return apiRequest('POST', `/api/v1/leads/bulk/${kind}`, bulkActionResultSchema, {
    body,
    headers: { [idempotencyHeaderName]: idempotencyKey },
  });
}
