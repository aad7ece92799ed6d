import { leadSummarySchema, type LeadList, type LeadSummary } from '@baton/api-contract';
import type { InfiniteData, QueryClient } from '@tanstack/react-query';
import { fetchLead, leadKeys } from '../leads/leads.api';

/** Leads an event named that no loaded list holds yet; the inbox decides where they belong. */
export const leadArrivalsKey = [...leadKeys.all, 'arrivals'] as const;

/** A burst of events about one lead (a new lead makes about seven) becomes one fetch. */
export const rowFetchDelayMs = 250;
/** View counts are refetched once a burst of events is over. */
export const countsRefreshDelayMs = 1_000;

type ListData = InfiniteData<LeadList, string | undefined>;

/**
 * Applies live lead events row by row: fetches the one lead an event names, puts it in place in
 * every loaded list that holds it, hands it to the inbox as an arrival when none does, and
 * refreshes the view counts after the burst. No list is refetched.
 */
export function createLeadRowUpdates(queryClient: QueryClient) {
  const rowTimers = new Map<string, number>();
  let countsTimer: number | undefined;

  async function applyRow(leadId: string) {
    let summary: LeadSummary;
    try {
      const detail = await queryClient.fetchQuery({
        queryKey: leadKeys.detail(leadId),
        queryFn: ({ signal }) => fetchLead(leadId, signal),
        staleTime: 0,
      });
      summary = leadSummarySchema.parse(detail);
    } catch {
      return; // gone, or no longer ours to see: nothing to show
    }
    let held = false;
    queryClient.setQueriesData<ListData>({ queryKey: leadKeys.lists() }, (data) => {
      if (!data?.pages.some((page) => page.items.some((l) => l.id === leadId))) return data;
      held = true;
      return {
        ...data,
        pages: data.pages.map((page) => ({
          ...page,
          items: page.items.map((l) => (l.id === leadId ? summary : l)),
        })),
      };
    });
    if (!held) {
      queryClient.setQueryData<LeadSummary[]>(leadArrivalsKey, (old = []) => [
        ...old.filter((l) => l.id !== leadId),
        summary,
      ]);
    }
  }

  return {
    onLeadEvent(leadId: string) {
      window.clearTimeout(rowTimers.get(leadId));
      rowTimers.set(
        leadId,
        window.setTimeout(() => {
          rowTimers.delete(leadId);
          void applyRow(leadId);
        }, rowFetchDelayMs),
      );
      window.clearTimeout(countsTimer);
      countsTimer = window.setTimeout(() => {
        void queryClient.invalidateQueries({ queryKey: leadKeys.viewCountsAll() });
      }, countsRefreshDelayMs);
    },
    stop() {
      for (const timer of rowTimers.values()) window.clearTimeout(timer);
      rowTimers.clear();
      window.clearTimeout(countsTimer);
    },
  };
}
