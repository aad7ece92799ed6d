import { useCallback, useMemo, useRef, useState } from 'react';

/**
 * Which rows of the page are selected. A shift-click selects the range from the last row
 * clicked, as in a mail client; ids no longer on the page drop out of the selection.
 */
export function useLeadSelection(pageIds: readonly string[]) {
  const [picked, setPicked] = useState<ReadonlySet<string>>(new Set());
  const anchor = useRef<string | null>(null);
  const selected = useMemo(
    () => new Set(pageIds.filter((id) => picked.has(id))),
    [pageIds, picked],
  );

  const toggle = useCallback(
    (id: string, shift: boolean) => {
      // Read now: the updater below runs later, after the anchor has moved to this row.
      const from = anchor.current ? pageIds.indexOf(anchor.current) : -1;
      setPicked((current) => {
        const next = new Set([...current].filter((x) => pageIds.includes(x)));
        const on = !current.has(id);
        const to = pageIds.indexOf(id);
        if (shift && from >= 0 && to >= 0) {
          const [a, b] = from < to ? [from, to] : [to, from];
          for (const x of pageIds.slice(a, b + 1)) {
            if (on) next.add(x);
            else next.delete(x);
          }
        } else if (on) next.add(id);
        else next.delete(id);
        return next;
      });
      anchor.current = id;
    },
    [pageIds],
  );

  const toggleAll = useCallback(() => {
    setPicked((current) => (pageIds.every((id) => current.has(id)) ? new Set() : new Set(pageIds)));
  }, [pageIds]);

  const clear = useCallback(() => setPicked(new Set()), []);

  return {
    selected,
    toggle,
    toggleAll,
    clear,
    allSelected: pageIds.length > 0 && selected.size === pageIds.length,
  };
}
