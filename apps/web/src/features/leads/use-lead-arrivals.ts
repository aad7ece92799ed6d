import type { LeadSummary } from '@baton/api-contract';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useState } from 'react';
import { useCurrentUser } from '../auth/current-user-context';
import { leadArrivalsKey } from '../live-updates/lead-row-updates';
import { arrivalFit } from './lead-arrival-fit';
import { type LeadFilters, leadKeys } from './leads.api';
import type { LeadListData } from './use-lead-list';

/** Scrolled further than this, the top of the list is out of sight. */
const AT_TOP_PX = 80;

/**
 * New leads from the live stream: put at the top of the list on screen when they fit its view and
 * the person is looking at the top (newest first, first page, not scrolled); otherwise counted as
 * "N new leads" so the rows do not jump under their cursor. `showNew` loads them.
 */
export function useLeadArrivals(filters: LeadFilters) {
  const queryClient = useQueryClient();
  const me = useCurrentUser();
  const [newCount, setNewCount] = useState(0);
  const { data: arrivals } = useQuery<LeadSummary[]>({
    queryKey: leadArrivalsKey,
    queryFn: () => queryClient.getQueryData<LeadSummary[]>(leadArrivalsKey) ?? [],
    initialData: [],
    staleTime: Infinity,
    enabled: false,
  });

  useEffect(() => {
    if (arrivals.length === 0) return;
    queryClient.setQueryData<LeadSummary[]>(leadArrivalsKey, []);
    const listKey = leadKeys.list(filters);
    const data = queryClient.getQueryData<LeadListData>(listKey);
    if (!data) return;
    const loaded = new Set(data.pages.flatMap((p) => p.items.map((l) => l.id)));
    const newest = data.pages[0]?.items[0]?.receivedAt;
    const now = Date.now();
    // Only leads newer than the newest row are new; an older lead that changed is not news.
    const fresh = arrivals.filter(
      (l) => !loaded.has(l.id) && (!newest || Date.parse(l.receivedAt) > Date.parse(newest)),
    );
    const fits = fresh.map((lead) => ({ lead, fit: arrivalFit(lead, filters, me, now) }));
    const sure = fits.filter((f) => f.fit === 'yes').map((f) => f.lead);
    const unsure = fits.some((f) => f.fit === 'maybe');
    const atTop =
      (filters.sort ?? 'received') === 'received' &&
      data.pages.length === 1 &&
      window.scrollY < AT_TOP_PX;
    if (!atTop) {
      setNewCount((n) => n + sure.length + fits.filter((f) => f.fit === 'maybe').length);
      return;
    }
    if (sure.length > 0) {
      queryClient.setQueryData<LeadListData>(listKey, (old) => {
        const [first, ...rest] = old?.pages ?? [];
        if (!old || !first) return old;
        const newestFirst = [...sure].sort(
          (a, b) => Date.parse(b.receivedAt) - Date.parse(a.receivedAt),
        );
        return {
          ...old,
          pages: [
            { ...first, items: [...newestFirst, ...first.items], total: first.total + sure.length },
            ...rest,
          ],
        };
      });
    }
    if (unsure) void queryClient.invalidateQueries({ queryKey: listKey, exact: true });
  }, [arrivals, filters, me, queryClient]);

  // A different view starts with nothing pending.
  useEffect(() => setNewCount(0), [filters]);

  const showNew = useCallback(() => {
    setNewCount(0);
    window.scrollTo({ top: 0 });
    void queryClient.resetQueries({ queryKey: leadKeys.list(filters), exact: true });
  }, [filters, queryClient]);

  return { newCount, showNew };
}
