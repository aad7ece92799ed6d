import type { FlowTestRun, FlowVersionSummary, NodeTypeDescriptionView } from '@baton/api-contract';
import { diffGraphs, isEmptyDiff, summarizeDiff, type FlowGraph } from '@baton/flow';
import { useEffect, useId, useMemo, useRef, useState, type FormEvent } from 'react';
import { errorMessage } from '../../api/api-request-error';
import { FlowDiffView } from './flow-diff-view';
import { PublishFailedTests, PublishTestsNote } from './publish-test-results';
import type { ReferenceNames } from './node-face';
import { useFlowVersion } from './use-flow-versions';
import './flow-history.css';

interface PublishDialogProps {
  nextVersion: number;
  publishing: boolean;
  error: string | null;
  /** The saved tests the last attempt failed on (publish refused), or null. */
  failedTests: FlowTestRun | null;
  /** Closes the dialog and opens the test panel with the saved tests. */
  onOpenTests(): void;
  onPublish(note: string): void;
  onCancel(): void;
  /** What is compared: the draft about to be published against the version live now. */
  flowId: string;
  draft: FlowGraph;
  published: FlowVersionSummary | null;
  catalogue: NodeTypeDescriptionView[];
  names: ReferenceNames;
}

type Comparison =
  | { kind: 'first' }
  | { kind: 'loading' }
  | { kind: 'failed'; message: string }
  | { kind: 'same' }
  /** Steps moved, nothing else: still publishable, but nothing a lead sees changes. */
  | { kind: 'layout' }
  | { kind: 'changed'; before: FlowGraph; diff: ReturnType<typeof diffGraphs> };

/** The draft against the published version, once that version's graph has loaded. */
function useComparison(
  flowId: string,
  draft: FlowGraph,
  published: FlowVersionSummary | null,
): Comparison {
  const version = useFlowVersion(flowId, published?.version ?? null);
  const before = version.data?.graph;
  return useMemo((): Comparison => {
    if (!published) return { kind: 'first' };
    if (version.isError) return { kind: 'failed', message: errorMessage(version.error) };
    if (!before) return { kind: 'loading' };
    const diff = diffGraphs(before, draft);
    if (!isEmptyDiff(diff)) return { kind: 'changed', before, diff };
    return isEmptyDiff(diffGraphs(before, draft, { positions: true }))
      ? { kind: 'same' }
      : { kind: 'layout' };
  }, [published, version.isError, version.error, before, draft]);
}

/** Asks what changed before publishing, and says what a publish does to leads under way. */
export function PublishDialog({
  nextVersion,
  publishing,
  error,
  failedTests,
  onOpenTests,
  onPublish,
  onCancel,
  flowId,
  draft,
  published,
  catalogue,
  names,
}: PublishDialogProps) {
  const titleId = useId();
  const noteId = useId();
  const changesId = useId();
  const comparison = useComparison(flowId, draft, published);
  const byType = useMemo(() => new Map(catalogue.map((d) => [d.type, d])), [catalogue]);
  const same = comparison.kind === 'same';
  const [note, setNote] = useState('');
  const noteRef = useRef<HTMLTextAreaElement>(null);
  useEffect(() => noteRef.current?.focus(), []);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (note.trim() !== '' && !publishing && !same) onPublish(note.trim());
  };
  return (
    <div
      className="dialog-backdrop"
      onKeyDown={(e) => {
        if (e.key === 'Escape') onCancel();
      }}
    >
      <form
        className="card dialog flow-publish-dialog"
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
        <section className="flow-publish-changes" aria-labelledby={changesId}>
          <h3 className="flow-publish-changes-title" id={changesId}>
            {published ? `Changes since version ${published.version}` : 'What this version holds'}
          </h3>
          {comparison.kind === 'first' && (
            <p className="dialog-text">
              This is the first version: everything in it is new ({draft.nodes.length}{' '}
              {draft.nodes.length === 1 ? 'step' : 'steps'}, {draft.edges.length}{' '}
              {draft.edges.length === 1 ? 'connection' : 'connections'}).
            </p>
          )}
          {comparison.kind === 'loading' && (
            <p className="dialog-text" role="status">
              Comparing with version {published?.version}…
            </p>
          )}
          {comparison.kind === 'failed' && (
            <p className="dialog-text" role="status">
              Could not load version {published?.version} to compare with: {comparison.message}
            </p>
          )}
          {comparison.kind === 'same' && (
            <p className="dialog-text" role="status">
              The draft is the same as version {published?.version}: there is nothing to publish.
            </p>
          )}
          {comparison.kind === 'layout' && (
            <p className="dialog-text" role="status">
              Only the layout changed since version {published?.version}: steps moved, and leads
              take the same path as before.
            </p>
          )}
          {comparison.kind === 'changed' && (
            <>
              <p className="flow-diff-summary">{summarizeDiff(comparison.diff)}</p>
              <FlowDiffView
                diff={comparison.diff}
                before={comparison.before}
                after={draft}
                byType={byType}
                names={names}
              />
            </>
          )}
        </section>
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
        <PublishTestsNote flowId={flowId} />
        {error && (
          <p role="alert" className="flow-alert">
            {error}
          </p>
        )}
        {failedTests && <PublishFailedTests run={failedTests} onOpenTests={onOpenTests} />}
        <div className="dialog-actions">
          <button type="button" className="button" onClick={onCancel}>
            Cancel
          </button>
          <button
            type="submit"
            className="button button-primary"
            disabled={note.trim() === '' || publishing || same}
          >
            {publishing ? 'Publishing…' : `Publish version ${nextVersion}`}
          </button>
        </div>
      </form>
    </div>
  );
}
