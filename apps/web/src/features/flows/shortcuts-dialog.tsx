import { useEffect, useId, useRef } from 'react';
import { shortcutList } from './use-editor-shortcuts';

/** The editor's keyboard shortcuts, opened with "?" or the toolbar's Shortcuts button. */
export function ShortcutsDialog({ onClose }: { onClose(): void }) {
  const titleId = useId();
  const close = useRef<HTMLButtonElement>(null);
  useEffect(() => close.current?.focus(), []);
  return (
    <div
      className="dialog-backdrop"
      onKeyDown={(e) => {
        if (e.key === 'Escape') onClose();
      }}
    >
      <div className="card dialog" role="dialog" aria-modal="true" aria-labelledby={titleId}>
        <h2 id={titleId} className="dialog-title">
          Keyboard shortcuts
        </h2>
        <dl className="shortcut-list">
          {shortcutList.map((s) => (
            <div key={s.keys}>
              <dt>
                <kbd>{s.keys}</kbd>
              </dt>
              <dd>{s.what}</dd>
            </div>
          ))}
        </dl>
        <div className="dialog-actions">
          <button ref={close} type="button" className="button" onClick={onClose}>
            Close
          </button>
        </div>
      </div>
    </div>
  );
}
