import type { LeadList, LeadSummary } from '@baton/api-contract';
import { useInfiniteQuery, type InfiniteData } from '@tanstack/react-query';
import { fetchLeadPage, leadKeys, type LeadFilters } from './leads.api';

export type LeadListData = InfiniteData<LeadList, string | undefined>;

/**
 * All loaded pages as one list; a lead that moved between pages shows once. Newest first when
 * sorted by arrival (live arrivals are put in place), else in the server's order.
 */
function mergePages(
  data: LeadListData,
  sort: LeadFilters['sort'],
): { leads: LeadSummary[]; total: number; pages: number } {
  const byId = new Map<string, LeadSummary>();
  for (const lead of data.pages.flatMap((page) => page.items)) {
    if (!byId.has(lead.id)) byId.set(lead.id, lead);
  }
  const leads = [...byId.values()];
  if ((sort ?? 'received') === 'received') {
    leads.sort((a, b) => Date.parse(b.receivedAt) - Date.parse(a.receivedAt));
  }
  return {
    leads,
    total: data.pages[0]?.total ?? 0,
    pages: data.pages.length,
  };
}

/** The inbox: pages of leads for the current view and filters, continued by cursor. */
export function useLeadList(filters: LeadFilters) {
  return useInfiniteQuery({
    queryKey: leadKeys.list(filters),
    queryFn: ({ pageParam, signal }) => fetchLeadPage(filters, pageParam, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (lastPage) => lastPage.nextCursor ?? undefined,
    select: (data) => mergePages(data, filters.sort),
  });
}
