import { leadSortSchema, leadStatusSchema, leadViewSchema } from '@baton/api-contract';
import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import type { LeadFilters } from './leads.api';

/**
 * The inbox filters live in the URL (?view=&sort=&status=&q=), so a view can be shared or
 * bookmarked. The view and sort are not "filters" for the empty state: every view has its own.
 */
export function useLeadListFilters() {
  const [searchParams, setSearchParams] = useSearchParams();
  const rawStatus = searchParams.get('status');
  const rawQuery = searchParams.get('q');
  const rawView = searchParams.get('view');
  const rawSort = searchParams.get('sort');

  const filters = useMemo<LeadFilters>(() => {
    const status = leadStatusSchema.safeParse(rawStatus);
    const view = leadViewSchema.safeParse(rawView);
    const sort = leadSortSchema.safeParse(rawSort);
    const q = rawQuery?.trim();
    return {
      status: status.success ? status.data : undefined,
      q: q ? q : undefined,
      view: view.success && view.data !== 'all' ? view.data : undefined,
      sort: sort.success && sort.data !== 'received' ? sort.data : undefined,
    };
  }, [rawStatus, rawQuery, rawView, rawSort]);

  const setFilters = useCallback(
    (patch: Partial<LeadFilters>) =>
      setSearchParams(
        (current) => {
          const next = new URLSearchParams(current);
          for (const [key, value] of Object.entries(patch)) {
            if (value) next.set(key, value);
            else next.delete(key);
          }
          return next;
        },
        { replace: true },
      ),
    [setSearchParams],
  );

  return {
    filters,
    setFilters,
    isFiltered: filters.status !== undefined || filters.q !== undefined,
  };
}
