import type { SaveStatus } from './draft-saver';

const labels: Record<SaveStatus['kind'], string> = {
  saved: 'All changes saved',
  unsaved: 'Unsaved changes',
  saving: 'Saving…',
  error: 'Not saved',
  conflict: 'Not saved: changed elsewhere',
};

/** Where the draft stands against the server; an error offers to try again. */
export function SaveStatusIndicator({ status, onRetry }: { status: SaveStatus; onRetry(): void }) {
  return (
    <span
      className={`save-status save-status-${status.kind}`}
      data-testid="save-status"
      data-status={status.kind}
    >
      <span role="status">{labels[status.kind]}</span>
      {status.kind === 'error' && (
        <>
          <span className="save-status-reason">{status.message}</span>
          <button type="button" className="button button-quiet" onClick={onRetry}>
            Retry
          </button>
        </>
      )}
    </span>
  );
}
