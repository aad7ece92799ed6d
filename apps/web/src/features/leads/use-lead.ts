import { useQuery } from '@tanstack/react-query';
import { fetchLead, leadKeys } from './leads.api';

export function useLead(leadId: string) {
  return useQuery({
    queryKey: leadKeys.detail(leadId),
    queryFn: ({ signal }) => fetchLead(leadId, signal),
  });
}
