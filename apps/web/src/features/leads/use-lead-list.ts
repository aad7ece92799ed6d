import type { LeadList, LeadSummary } from '@baton/api-contract';
import { useInfiniteQuery, type InfiniteData } from '@tanstack/react-query';
import { fetchLeadPage, leadKeys, type LeadFilters } from './leads.api';

/** All loaded pages as one list, newest first; a lead that moved between pages shows once. */
function mergePages(data: InfiniteData<LeadList, string | undefined>): LeadSummary[] {
  const byId = new Map<string, LeadSummary>();
  for (const lead of data.pages.flatMap((page) => page.items)) {
    if (!byId.has(lead.id)) byId.set(lead.id, lead);
  }
  return [...byId.values()].sort((a, b) => Date.parse(b.receivedAt) - Date.parse(a.receivedAt));
}

/** The inbox: pages of leads for the current filters, continued by cursor. */
export function useLeadList(filters: LeadFilters) {
  return useInfiniteQuery({
    queryKey: leadKeys.list(filters),
    queryFn: ({ pageParam, signal }) => fetchLeadPage(filters, pageParam, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (lastPage) => lastPage.nextCursor ?? undefined,
    select: mergePages,
  });
}
