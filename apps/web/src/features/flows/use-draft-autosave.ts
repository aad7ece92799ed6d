import type { FlowGraph } from '@baton/flow';
import { useCallback, useEffect, useRef, useState } from 'react';
import { DraftSaver, type SaveStatus } from './draft-saver';
import { saveDraft, type FlowDraftView } from './flows.api';

/** Long enough to save once per burst of edits, short enough that a closed tab loses little. */
export const AUTOSAVE_DELAY_MS = 800;

export interface DraftAutosave {
  status: SaveStatus;
  /** Saves a rename (soon, with any graph change in the same request). */
  rename(name: string): void;
  /** Saves everything now; true once it is all saved (e.g. before a publish). */
  flush(): Promise<boolean>;
  retry(): void;
  /** The ETag of the last saved draft. */
  revision(): string | null;
}

/**
 * Saves the editor's graph whenever it changes (debounced) and renames on request. Starts from
 * the draft as loaded: nothing is saved until something changes.
 */
export function useDraftAutosave(
  flow: FlowDraftView,
  graph: FlowGraph,
  onSaved: (flow: FlowDraftView) => void,
  delayMs = AUTOSAVE_DELAY_MS,
): DraftAutosave {
  const [status, setStatus] = useState<SaveStatus>({ kind: 'saved' });
  const onSavedRef = useRef(onSaved);
  onSavedRef.current = onSaved;
  const [saver] = useState(
    () =>
      new DraftSaver(
        {
          save: (patch, etag) => saveDraft(flow.id, patch, etag),
          onSaved: (saved) => onSavedRef.current(saved),
          onStatus: setStatus,
          delayMs,
        },
        flow.etag,
      ),
  );
  useEffect(() => () => saver.dispose(), [saver]);

  const lastGraph = useRef(graph);
  useEffect(() => {
    if (graph === lastGraph.current) return;
    lastGraph.current = graph;
    saver.schedule({ graph });
  }, [graph, saver]);

  // Leaving with unsaved changes: the browser asks first.
  const dirty = status.kind !== 'saved';
  useEffect(() => {
    if (!dirty) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [dirty]);

  const rename = useCallback((name: string) => saver.schedule({ name }), [saver]);
  const flush = useCallback(() => saver.flush(), [saver]);
  const retry = useCallback(() => saver.retry(), [saver]);
  const revision = useCallback(() => saver.revision, [saver]);
  return { status, rename, flush, retry, revision };
}
