import { useQuery } from '@tanstack/react-query';
import { fetchViewCounts, type LeadFilters, leadKeys } from './leads.api';

/** How many leads each view holds under the current status and search. */
export function useLeadViewCounts(filters: LeadFilters) {
  const shared = { status: filters.status, q: filters.q };
  return useQuery({
    queryKey: leadKeys.viewCounts(shared),
    queryFn: ({ signal }) => fetchViewCounts(shared, signal),
  });
}
