import type { FlowGraph } from '@baton/flow';
import { useCallback, useReducer } from 'react';

// The editor's one store: the draft graph and its history. Undo keeps whole graphs (a draft is
// a few kilobytes of JSON), one entry per user action: a drag is one entry, and a burst of edits
// to one field (typing) is one entry too.

/** Edits with the same key this close together are one step of history. */
export const COALESCE_MS = 1000;
/** Oldest steps are dropped past this. */
export const HISTORY_LIMIT = 100;

export type GraphUpdate = (graph: FlowGraph) => FlowGraph | null;

export interface EditorHistory {
  graph: FlowGraph;
  past: FlowGraph[];
  future: FlowGraph[];
  /** What the last edit was (e.g. `config:assign`) and when, for coalescing. */
  last: { key: string; at: number } | null;
}

export type EditorHistoryAction =
  /** `update` is pure: it gets the current graph and returns the edited one (or null: no change). */
  | { type: 'edit'; update: GraphUpdate; coalesce?: string; at: number }
  | { type: 'undo' }
  | { type: 'redo' }
  /** A graph from elsewhere (a reload): history starts again from it. */
  | { type: 'reset'; graph: FlowGraph };

export const startHistory = (graph: FlowGraph): EditorHistory => ({
  graph,
  past: [],
  future: [],
  last: null,
});

export function editorHistoryReducer(
  state: EditorHistory,
  action: EditorHistoryAction,
): EditorHistory {
  switch (action.type) {
    case 'edit': {
      const graph = action.update(state.graph);
      if (graph === null || graph === state.graph) return state;
      const joins =
        action.coalesce !== undefined &&
        state.last?.key === action.coalesce &&
        action.at - state.last.at <= COALESCE_MS &&
        state.past.length > 0;
      const last = action.coalesce ? { key: action.coalesce, at: action.at } : null;
      if (joins) return { ...state, graph, future: [], last };
      return {
        graph,
        past: [...state.past, state.graph].slice(-HISTORY_LIMIT),
        future: [],
        last,
      };
    }
    case 'undo': {
      const previous = state.past[state.past.length - 1];
      if (!previous) return state;
      return {
        graph: previous,
        past: state.past.slice(0, -1),
        future: [state.graph, ...state.future],
        last: null,
      };
    }
    case 'redo': {
      const [next, ...rest] = state.future;
      if (!next) return state;
      return { graph: next, past: [...state.past, state.graph], future: rest, last: null };
    }
    case 'reset':
      return startHistory(action.graph);
  }
}

export interface FlowEditorState {
  graph: FlowGraph;
  canUndo: boolean;
  canRedo: boolean;
  /** Applies an edit to the current graph; edits with the same `coalesce` key in a burst are one undo step. */
  edit(update: GraphUpdate, coalesce?: string): void;
  undo(): void;
  redo(): void;
  reset(graph: FlowGraph): void;
}

export function useFlowEditorHistory(initial: FlowGraph): FlowEditorState {
  const [state, dispatch] = useReducer(editorHistoryReducer, initial, startHistory);
  const edit = useCallback(
    (update: GraphUpdate, coalesce?: string) =>
      dispatch({ type: 'edit', update, coalesce, at: Date.now() }),
    [],
  );
  const undo = useCallback(() => dispatch({ type: 'undo' }), []);
  const redo = useCallback(() => dispatch({ type: 'redo' }), []);
  const reset = useCallback((graph: FlowGraph) => dispatch({ type: 'reset', graph }), []);
  return {
    graph: state.graph,
    canUndo: state.past.length > 0,
    canRedo: state.future.length > 0,
    edit,
    undo,
    redo,
    reset,
  };
}
