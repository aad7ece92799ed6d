import type { FlowVersionView } from '@baton/api-contract';
import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useRef,
  useState,
} from 'react';

// Looking at a published version instead of the draft. The page owns it (it swaps the canvas),
// while the history list that starts it sits deep in the header: a context joins the two without
// threading callbacks through the editor.

export interface FlowVersionViewing {
  /** The version on show, or null: the draft. */
  viewing: FlowVersionView | null;
  /** Shows `version` read-only; focus goes back to `returnFocus` when done. */
  view(version: FlowVersionView, returnFocus?: HTMLElement | null): void;
  back(): void;
}

export const FlowVersionViewingContext = createContext<FlowVersionViewing>({
  viewing: null,
  view: () => undefined,
  back: () => undefined,
});

export const useFlowVersionViewing = () => useContext(FlowVersionViewingContext);

/** The page's state for it: which version is on show, and where focus returns afterwards. */
export function useFlowVersionViewingState(): FlowVersionViewing {
  const [viewing, setViewing] = useState<FlowVersionView | null>(null);
  const returnFocus = useRef<HTMLElement | null>(null);
  const [returning, setReturning] = useState(false);
  const view = useCallback((version: FlowVersionView, from?: HTMLElement | null) => {
    returnFocus.current = from ?? null;
    setViewing(version);
  }, []);
  const back = useCallback(() => {
    setViewing(null);
    setReturning(true);
  }, []);
  // Once the draft is shown again (the element may have been hidden until now).
  useEffect(() => {
    if (!returning) return;
    setReturning(false);
    returnFocus.current?.focus();
  }, [returning]);
  return useMemo(() => ({ viewing, view, back }), [viewing, view, back]);
}
