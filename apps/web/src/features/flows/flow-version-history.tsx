import type { FlowDetail, FlowVersionSummary } from '@baton/api-contract';
import type { FlowGraph } from '@baton/flow';
import { useEffect, useId, useRef, useState } from 'react';
import { errorMessage } from '../../api/api-request-error';
import { formatDateTime } from '../../time/format-date-time';
import { formatRelativeTime } from '../../time/format-relative-time';
import { useFlowVersionViewing } from './flow-version-viewing';
import { useFlowVersions, useLoadFlowVersion } from './use-flow-versions';
import './flow-history.css';

interface FlowVersionHistoryProps {
  flow: FlowDetail;
  /** Editors only: replaces the draft with a version's graph (one edit: saved, and undoable). */
  onRestore?: (graph: FlowGraph) => void;
}

/** The header's "History" button, the list of published versions it opens, and what was restored. */
export function FlowVersionHistory({ flow, onRestore }: FlowVersionHistoryProps) {
  const [open, setOpen] = useState(false);
  const [restored, setRestored] = useState<number | null>(null);
  const button = useRef<HTMLButtonElement>(null);
  const close = () => {
    setOpen(false);
    button.current?.focus();
  };
  return (
    <span className="flow-history-entry">
      <button
        ref={button}
        type="button"
        className="button button-quiet"
        aria-haspopup="dialog"
        onClick={() => {
          setRestored(null);
          setOpen(true);
        }}
      >
        History
      </button>
      <span role="status" className="flow-history-restored">
        {restored !== null &&
          `Version ${restored} is the draft now. Undo brings the previous draft back.`}
      </span>
      {open && (
        <FlowVersionHistoryDialog
          flowId={flow.id}
          versionCount={flow.versionCount}
          onRestore={
            onRestore &&
            ((version, graph) => {
              onRestore(graph);
              setRestored(version);
              close();
            })
          }
          returnFocus={button}
          onClose={close}
        />
      )}
    </span>
  );
}

interface FlowVersionHistoryDialogProps {
  flowId: string;
  versionCount: number;
  onRestore?: (version: number, graph: FlowGraph) => void;
  /** Where focus goes after viewing a version. */
  returnFocus: React.RefObject<HTMLButtonElement | null>;
  onClose(): void;
}

function FlowVersionHistoryDialog({
  flowId,
  versionCount,
  onRestore,
  returnFocus,
  onClose,
}: FlowVersionHistoryDialogProps) {
  const titleId = useId();
  const textId = useId();
  const versions = useFlowVersions(flowId);
  const load = useLoadFlowVersion(flowId);
  const viewing = useFlowVersionViewing();
  const [now] = useState(() => Date.now());
  const [confirming, setConfirming] = useState<FlowVersionSummary | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const title = useRef<HTMLHeadingElement>(null);
  const cancelRestore = useRef<HTMLButtonElement>(null);

  // Focus starts on the title, and on "Cancel" when asked to confirm a restore.
  useEffect(() => {
    if (confirming) cancelRestore.current?.focus();
    else title.current?.focus();
  }, [confirming]);

  const view = async (version: number) => {
    setBusy(true);
    setError(null);
    try {
      const loaded = await load(version);
      viewing.view(loaded, returnFocus.current);
      onClose();
    } catch (e) {
      setError(`Version ${version} could not be loaded: ${errorMessage(e)}`);
      setBusy(false);
    }
  };
  const restore = async (version: number) => {
    if (!onRestore) return;
    setBusy(true);
    setError(null);
    try {
      const loaded = await load(version);
      if (viewing.viewing) viewing.back();
      onRestore(version, loaded.graph);
    } catch (e) {
      setError(`Version ${version} could not be loaded: ${errorMessage(e)}`);
      setBusy(false);
    }
  };

  return (
    <div
      className="dialog-backdrop"
      onKeyDown={(e) => {
        if (e.key !== 'Escape') return;
        e.stopPropagation();
        if (confirming) setConfirming(null);
        else onClose();
      }}
    >
      <div
        className="card dialog flow-history-dialog"
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        aria-describedby={confirming ? textId : undefined}
      >
        <h2 className="dialog-title" id={titleId} ref={title} tabIndex={-1}>
          {confirming ? `Restore version ${confirming.version} as the draft?` : 'Version history'}
        </h2>
        {error && (
          <p role="alert" className="flow-alert">
            {error}
          </p>
        )}
        {confirming ? (
          <>
            <p className="dialog-text" id={textId}>
              The current draft, with any changes not yet published, will be replaced by version{' '}
              {confirming.version}. Undo in the editor brings the current draft back. Nothing is
              published until you publish.
            </p>
            <div className="dialog-actions">
              <button
                ref={cancelRestore}
                type="button"
                className="button"
                onClick={() => setConfirming(null)}
              >
                Cancel
              </button>
              <button
                type="button"
                className="button button-primary"
                disabled={busy}
                onClick={() => void restore(confirming.version)}
              >
                {busy ? 'Restoring…' : 'Replace the draft'}
              </button>
            </div>
          </>
        ) : (
          <>
            <p className="dialog-text">
              Each published version stays as it was published; leads keep the version they started
              on.{' '}
              {onRestore
                ? 'Restoring a version makes it the draft, to publish again.'
                : 'Managers and admins can restore a version as the draft.'}
            </p>
            <VersionList
              versions={versions.data}
              loading={versions.isPending}
              failed={versions.isError ? errorMessage(versions.error) : null}
              versionCount={versionCount}
              now={now}
              busy={busy}
              onView={(version) => void view(version)}
              onRestore={onRestore ? setConfirming : undefined}
            />
            <div className="dialog-actions">
              <button type="button" className="button" onClick={onClose}>
                Close
              </button>
            </div>
          </>
        )}
      </div>
    </div>
  );
}

interface VersionListProps {
  versions: FlowVersionSummary[] | undefined;
  loading: boolean;
  failed: string | null;
  versionCount: number;
  now: number;
  busy: boolean;
  onView(version: number): void;
  onRestore?: (version: FlowVersionSummary) => void;
}

function VersionList({
  versions,
  loading,
  failed,
  versionCount,
  now,
  busy,
  onView,
  onRestore,
}: VersionListProps) {
  if (loading) {
    return (
      <p className="dialog-text" role="status">
        Loading {versionCount === 1 ? 'the version' : `${versionCount} versions`}…
      </p>
    );
  }
  if (failed !== null || !versions) {
    return (
      <p role="alert" className="flow-alert">
        The versions could not be loaded: {failed}
      </p>
    );
  }
  if (versions.length === 0) {
    return <p className="dialog-text">No version has been published yet.</p>;
  }
  return (
    <ol className="flow-history-list" aria-label="Published versions">
      {versions.map((v) => (
        <li
          key={v.id}
          className="flow-history-item"
          data-testid="flow-version"
          data-version={v.version}
        >
          <div className="flow-history-item-head">
            <span className="flow-history-version">Version {v.version}</span>
            {v.current && <span className="pill pill-ok">Published · live now</span>}
          </div>
          <p className="flow-history-meta">
            {v.publishedBy?.name ?? 'Someone no longer here'} ·{' '}
            <time dateTime={v.publishedAt} title={formatDateTime(v.publishedAt)}>
              {formatRelativeTime(v.publishedAt, now)} ({formatDateTime(v.publishedAt)})
            </time>
          </p>
          {v.note ? (
            <p className="flow-history-note">“{v.note}”</p>
          ) : (
            <p className="flow-history-note flow-history-no-note">No note given</p>
          )}
          <div className="flow-history-actions">
            <button
              type="button"
              className="button"
              disabled={busy}
              onClick={() => onView(v.version)}
            >
              View<span className="visually-hidden"> version {v.version}</span>
            </button>
            {onRestore && (
              <button type="button" className="button" disabled={busy} onClick={() => onRestore(v)}>
                Restore as draft<span className="visually-hidden"> (version {v.version})</span>
              </button>
            )}
          </div>
        </li>
      ))}
    </ol>
  );
}
