import { useEffect, useId, useRef, useState, type FormEvent } from 'react';

interface PublishDialogProps {
  nextVersion: number;
  publishing: boolean;
  error: string | null;
  onPublish(note: string): void;
  onCancel(): void;
}

/** Asks what changed before publishing, and says what a publish does to leads under way. */
export function PublishDialog({
  nextVersion,
  publishing,
  error,
  onPublish,
  onCancel,
}: PublishDialogProps) {
  const titleId = useId();
  const noteId = useId();
  const [note, setNote] = useState('');
  const noteRef = useRef<HTMLTextAreaElement>(null);
  useEffect(() => noteRef.current?.focus(), []);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (note.trim() !== '' && !publishing) onPublish(note.trim());
  };
  return (
    <div
      className="dialog-backdrop"
      onKeyDown={(e) => {
        if (e.key === 'Escape') onCancel();
      }}
    >
      <form
        className="card dialog"
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        onSubmit={submit}
      >
        <h2 className="dialog-title" id={titleId}>
          Publish version {nextVersion}
        </h2>
        <p className="dialog-text">
          New leads follow version {nextVersion} from now on. Leads already in the flow stay on the
          version they started with.
        </p>
        <div className="field">
          <label className="field-label" htmlFor={noteId}>
            What changed, and why?
          </label>
          <textarea
            id={noteId}
            ref={noteRef}
            rows={3}
            maxLength={1000}
            value={note}
            onChange={(e) => setNote(e.target.value)}
            placeholder="e.g. Hot leads now get a 10-minute SLA"
          />
        </div>
        {error && (
          <p role="alert" className="flow-alert">
            {error}
          </p>
        )}
        <div className="dialog-actions">
          <button type="button" className="button" onClick={onCancel}>
            Cancel
          </button>
          <button
            type="submit"
            className="button button-primary"
            disabled={note.trim() === '' || publishing}
          >
            {publishing ? 'Publishing…' : `Publish version ${nextVersion}`}
          </button>
        </div>
      </form>
    </div>
  );
}
