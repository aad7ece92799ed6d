import { leadStatusSchema } from '@baton/api-contract';
import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import type { LeadFilters } from './leads.api';

/** The inbox filters live in the URL (?status=&q=), so a filtered view can be shared or bookmarked. */
export function useLeadListFilters() {
  const [searchParams, setSearchParams] = useSearchParams();
  const rawStatus = searchParams.get('status');
  const rawQuery = searchParams.get('q');

  const filters = useMemo<LeadFilters>(() => {
    const status = leadStatusSchema.safeParse(rawStatus);
    const q = rawQuery?.trim();
    return { status: status.success ? status.data : undefined, q: q ? q : undefined };
  }, [rawStatus, rawQuery]);

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
