import type { FlowDetail } from '@baton/api-contract';
import type { FlowGraph } from '@baton/flow';
import { useId, useState, type FormEvent, type ReactNode } from 'react';
import { FlowVersionHistory } from './flow-version-history';

interface FlowHeaderProps {
  flow: FlowDetail;
  /** Offered to editors: renames the flow. */
  onRename?: (name: string) => void;
  /** Offered to editors: makes a published version's graph the draft. */
  onRestore?: (graph: FlowGraph) => void;
  /** The publish controls, for editors. */
  children?: ReactNode;
}

/** The flow's name (renamable by editors), its state, and what feeds it. */
export function FlowHeader({ flow, onRename, onRestore, children }: FlowHeaderProps) {
  const [renaming, setRenaming] = useState<string | null>(null);
  const nameId = useId();
  const save = (event: FormEvent) => {
    event.preventDefault();
    const name = renaming?.trim() ?? '';
    if (name !== '' && name !== flow.name) onRename?.(name);
    setRenaming(null);
  };
  return (
    <header className="card flow-header">
      <div className="flow-header-identity">
        {renaming === null ? (
          <div className="flow-name-row">
            <h1 className="flow-name">{flow.name}</h1>
            {onRename && (
              <button
                type="button"
                className="button button-quiet"
                onClick={() => setRenaming(flow.name)}
              >
                Rename
              </button>
            )}
          </div>
        ) : (
          <form className="flow-rename" onSubmit={save}>
            <label className="visually-hidden" htmlFor={nameId}>
              Flow name
            </label>
            <input
              id={nameId}
              // Focus moves here as the button that opened it goes away.
              autoFocus
              maxLength={200}
              value={renaming}
              onChange={(e) => setRenaming(e.target.value)}
              onKeyDown={(e) => {
                if (e.key === 'Escape') setRenaming(null);
              }}
            />
            <button
              type="submit"
              className="button button-primary"
              disabled={renaming.trim() === ''}
            >
              Save name
            </button>
            <button type="button" className="button" onClick={() => setRenaming(null)}>
              Cancel
            </button>
          </form>
        )}
        {flow.description && <p className="flow-description">{flow.description}</p>}
        <p className="flow-facts">
          {flow.published ? (
            <span className="pill pill-ok">Published v{flow.published.version}</span>
          ) : (
            <span className="pill pill-muted">Not published</span>
          )}
          {flow.draftChanged && <span className="pill pill-warn">Unpublished changes</span>}
          <span>
            {flow.sources.length === 0
              ? 'No source sends leads here'
              : `Sources: ${flow.sources.map((s) => s.name).join(', ')}`}
          </span>
          <FlowVersionHistory flow={flow} onRestore={onRestore} />
        </p>
      </div>
      {children}
    </header>
  );
}
