import type { FlowGraph } from '@baton/flow';
import {
  COALESCE_MS,
  editorHistoryReducer,
  HISTORY_LIMIT,
  startHistory,
  type EditorHistory,
} from './flow-editor-history';

const graph = (...ids: string[]): FlowGraph => ({
  nodes: ids.map((id) => ({ id, type: 'end', position: { x: 0, y: 0 }, data: { config: {} } })),
  edges: [],
});
const edit = (state: EditorHistory, to: FlowGraph, coalesce?: string, at = 0) =>
  editorHistoryReducer(state, { type: 'edit', update: () => to, coalesce, at });

describe('editorHistoryReducer', () => {
  it('undoes and redoes whole graphs, and a new edit drops what was undone', () => {
    const a = graph('a');
    const b = graph('a', 'b');
    const c = graph('a', 'b', 'c');
    let s = edit(edit(startHistory(a), b), c);
    s = editorHistoryReducer(s, { type: 'undo' });
    expect(s.graph).toBe(b);
    s = editorHistoryReducer(s, { type: 'undo' });
    expect(s.graph).toBe(a);
    expect(editorHistoryReducer(s, { type: 'undo' })).toBe(s);
    s = editorHistoryReducer(s, { type: 'redo' });
    expect(s.graph).toBe(b);
    s = edit(s, graph('a', 'z'));
    expect(s.future).toEqual([]);
    expect(editorHistoryReducer(s, { type: 'redo' })).toBe(s);
  });

  it('makes a burst of edits with one key one step, but not edits apart in time or key', () => {
    const start = startHistory(graph());
    let s = edit(start, graph('S'), 'label:n', 0);
    s = edit(s, graph('Sc'), 'label:n', 300);
    s = edit(s, graph('Sco'), 'label:n', 600);
    expect(s.past).toHaveLength(1);
    s = edit(s, graph('Scor'), 'label:n', 600 + COALESCE_MS + 1);
    expect(s.past).toHaveLength(2);
    s = edit(s, graph('Score'), 'config:n', 600 + COALESCE_MS + 2);
    expect(s.past).toHaveLength(3);
    s = editorHistoryReducer(s, { type: 'undo' });
    s = editorHistoryReducer(s, { type: 'undo' });
    s = editorHistoryReducer(s, { type: 'undo' });
    expect(s.graph).toBe(start.graph);
  });

  it('ignores edits that change nothing and keeps at most the history limit', () => {
    const a = graph('a');
    const s = startHistory(a);
    expect(editorHistoryReducer(s, { type: 'edit', update: () => null, at: 0 })).toBe(s);
    expect(editorHistoryReducer(s, { type: 'edit', update: (g) => g, at: 0 })).toBe(s);
    let long = s;
    for (let i = 0; i < HISTORY_LIMIT + 20; i += 1) long = edit(long, graph(`n${i}`));
    expect(long.past).toHaveLength(HISTORY_LIMIT);
  });
});
