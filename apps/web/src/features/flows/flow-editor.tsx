import type {
  FlowSimulation,
  FlowTestRun,
  GraphProblemView,
  NodeTypeDescriptionView,
} from '@baton/api-contract';
import { validateGraph, type FlowGraph, type FlowPosition } from '@baton/flow';
import { useCallback, useMemo, useRef, useState } from 'react';
import { errorMessage, isApiRequestError } from '../../api/api-request-error';
import { autoLayout } from './flow-auto-layout';
import { statsAnnotations, traceAnnotations } from './flow-canvas-annotations';
import { FlowCanvas, type FlowCanvasEditing, type FlowCanvasHandle } from './flow-canvas';
import { useFlowEditorHistory } from './flow-editor-history';
import {
  addNode,
  addNodeAfter,
  moveNodes,
  newNode,
  removeElements,
  setNodeConfig,
  setNodeLabel,
} from './flow-graph-edits';
import { FlowBacktestPanel } from './flow-backtest-panel';
import { FlowFileActions } from './flow-file-actions';
import { FlowHeader } from './flow-header';
import { FlowPalette } from './flow-palette';
import { FlowProblemList } from './flow-problem-list';
import { FlowTestPanel } from './flow-test-panel';
import { useFlowReferences } from './flow-references.api';
import { publishFlow, type FlowDraftView } from './flows.api';
import { NodeConfigPanel } from './node-config-panel';
import { PublishDialog } from './publish-dialog';
import { SaveStatusIndicator } from './save-status';
import { useDraftAutosave } from './use-draft-autosave';
import { copyFragment, pasteFragment, type FlowFragment } from './flow-clipboard';
import { ShortcutsDialog } from './shortcuts-dialog';
import { useEditorShortcuts } from './use-editor-shortcuts';
import { useVersionStats } from './use-version-stats';

interface FlowEditorProps {
  flow: FlowDraftView;
  catalogue: NodeTypeDescriptionView[];
  /** A save came back: the page's copy of the flow (name, draft state) is this now. */
  onSaved(flow: FlowDraftView): void;
  onPublished(): Promise<void>;
  /** Throws away local changes and loads the draft as saved. */
  onReload(): void;
}

/** The canvas as an editor: palette, connections, settings, validation, autosave and publish. */
export function FlowEditor({ flow, catalogue, onSaved, onPublished, onReload }: FlowEditorProps) {
  const history = useFlowEditorHistory(flow.draftGraph);
  const { graph, edit } = history;
  const autosave = useDraftAutosave(flow, graph, onSaved);
  const references = useFlowReferences(true);
  const canvas = useRef<FlowCanvasHandle>(null);
  const byType = useMemo(() => new Map(catalogue.map((d) => [d.type, d])), [catalogue]);

  // Validation as you edit, with the same checks as the server's publish (ids included once the
  // teams, people and schedules have loaded).
  const problems: GraphProblemView[] = useMemo(
    () => validateGraph(graph, { references: references.known }).problems,
    [graph, references.known],
  );

  // For callbacks that must not be re-created on every edit (the canvas's drop handler).
  const graphRef = useRef(graph);
  graphRef.current = graph;

  const [selection, setSelection] = useState<string[]>([]);
  const selectedId = selection.length === 1 ? (selection[0] ?? null) : null;
  const selected = selectedId ? graph.nodes.find((n) => n.id === selectedId) : undefined;

  const select = useCallback((nodeId: string | null) => canvas.current?.select(nodeId), []);
  const addAfterSelected = (type: string) => {
    const description = byType.get(type);
    if (!description) return;
    // The id is the same one the edit below computes: both start from this graph.
    const added = addNodeAfter(graph, description, selected?.id ?? null, byType);
    edit((g) => addNodeAfter(g, description, selected?.id ?? null, byType).graph);
    select(added.nodeId);
    const position = added.graph.nodes.find((n) => n.id === added.nodeId)?.position;
    if (position) canvas.current?.reveal(position);
  };
  const editing = useMemo<FlowCanvasEditing>(
    () => ({
      edit,
      onSelectionChange: setSelection,
      onDropNodeType: (type: string, position: FlowPosition) => {
        const description = byType.get(type);
        if (!description) return;
        // Centred under the pointer (a node is about 220 wide).
        const node = newNode(graphRef.current, description, {
          x: position.x - 110,
          y: position.y - 40,
        });
        edit((g) => addNode(g, node));
        select(node.id);
      },
    }),
    [edit, byType, select],
  );

  const tidyUp = () => {
    const sizes = canvas.current?.sizes();
    edit((g) => moveNodes(g, autoLayout(g, sizes)));
    // After the moved nodes are drawn.
    requestAnimationFrame(() => canvas.current?.fit());
  };
  // A restored version is one edit like any other: autosaved with If-Match, and Undo undoes it.
  const restoreVersion = (restored: FlowGraph) => {
    select(null);
    edit(() => restored);
  };
  // Copied steps live in this editor; pasting again lands each copy a little further on.
  const clipboard = useRef<{ fragment: FlowFragment; pasted: number } | null>(null);
  const selectionRef = useRef(selection);
  selectionRef.current = selection;
  const copy = useCallback(() => {
    const fragment = copyFragment(graphRef.current, selectionRef.current);
    if (fragment) clipboard.current = { fragment, pasted: 0 };
    return fragment !== null;
  }, []);
  const paste = useCallback(() => {
    const copied = clipboard.current;
    if (!copied) return;
    copied.pasted += 1;
    const result = pasteFragment(graphRef.current, copied.fragment, copied.pasted);
    edit(() => result.graph);
    requestAnimationFrame(() => canvas.current?.selectMany(result.nodeIds));
  }, [edit]);
  const [showingShortcuts, setShowingShortcuts] = useState(false);
  const showShortcuts = useCallback(() => setShowingShortcuts(true), []);
  useEditorShortcuts({
    undo: history.undo,
    redo: history.redo,
    copy,
    paste,
    help: showShortcuts,
  });

  // The test panel's last walk, drawn while the graph is the one it walked.
  const [testing, setTesting] = useState(false);
  const [comparing, setComparing] = useState(false);
  const [tested, setTested] = useState<{ result: FlowSimulation; graph: FlowGraph } | null>(null);
  // Live numbers of the published version (the draft has no leads of its own).
  const [live, setLive] = useState(false);
  const liveVersion = flow.published?.version ?? null;
  const stats = useVersionStats(flow.id, liveVersion, live);
  const annotations = useMemo(() => {
    if (testing && tested && tested.graph === graph)
      return traceAnnotations(tested.result, graph.edges);
    if (live && stats.data) return statsAnnotations(stats.data);
    return null;
  }, [testing, tested, graph, live, stats.data]);

  const disabledTypes = useMemo(() => {
    const why = new Map<string, string>();
    if (graph.nodes.some((n) => n.type === 'trigger')) why.set('trigger', 'A flow has one trigger');
    return why;
  }, [graph]);

  const [publishing, setPublishing] = useState<'closed' | 'open' | 'busy'>('closed');
  const [publishError, setPublishError] = useState<string | null>(null);
  // Publish refused because saved tests fail: the dialog says which and why.
  const [failedTests, setFailedTests] = useState<FlowTestRun | null>(null);
  // Said until the next edit: then the draft differs from what was published.
  const [published, setPublished] = useState<{ version: number; graph: FlowGraph } | null>(null);
  const justPublished = published !== null && published.graph === graph ? published.version : null;
  const conflict = autosave.status.kind === 'conflict' ? autosave.status.message : null;
  const nextVersion = flow.versionCount + 1;
  const publish = async (note: string) => {
    setPublishing('busy');
    setPublishError(null);
    setFailedTests(null);
    try {
      if (!(await autosave.flush())) {
        setPublishError('The draft could not be saved, so it was not published. Try again.');
        setPublishing('open');
        return;
      }
      const outcome = await publishFlow(flow.id, { note, etag: autosave.revision() });
      if (outcome.kind === 'problems') {
        setPublishError(`Not published: ${outcome.message}`);
        setPublishing('open');
        return;
      }
      if (outcome.kind === 'tests_failed') {
        setPublishError(`Not published: ${outcome.message}`);
        setFailedTests(outcome.testRun);
        setPublishing('open');
        return;
      }
      setPublished({ version: outcome.version.version, graph });
      setPublishing('closed');
      await onPublished();
    } catch (error) {
      setPublishError(
        isApiRequestError(error, 409)
          ? `${errorMessage(error)} Your changes are saved in this tab only until you reload.`
          : errorMessage(error),
      );
      setPublishing('open');
    }
  };

  const unchanged =
    flow.published !== null && !flow.draftChanged && autosave.status.kind === 'saved';
  const blockers =
    problems.length > 0
      ? `Fix ${problems.length} ${problems.length === 1 ? 'problem' : 'problems'} to publish`
      : conflict
        ? 'Reload before publishing'
        : unchanged
          ? `Nothing changed since version ${flow.published?.version ?? ''}`
          : null;

  return (
    <>
      <FlowHeader
        flow={flow}
        onRestore={restoreVersion}
        onRename={(name) => {
          autosave.rename(name);
          void autosave.flush();
        }}
      >
        <div className="flow-publish">
          <div className="flow-file-actions">
            <FlowFileActions
              flowId={flow.id}
              name={flow.name}
              graph={graph}
              archived={flow.archivedAt !== null}
              beforeCopy={() => autosave.flush()}
            />
            <button
              type="button"
              className="button button-primary"
              disabled={blockers !== null}
              aria-describedby={
                blockers && justPublished === null ? 'flow-publish-blocker' : undefined
              }
              onClick={() => {
                setPublishError(null);
                setFailedTests(null);
                setPublishing('open');
              }}
            >
              Publish…
            </button>
          </div>
          {justPublished !== null ? (
            <span role="status" className="flow-publish-status">
              Published version {justPublished}. New leads use it now.
            </span>
          ) : (
            <span id="flow-publish-blocker" className="flow-publish-blocker">
              {blockers}
            </span>
          )}
        </div>
      </FlowHeader>

      {conflict && (
        <div role="alert" className="flow-alert flow-conflict">
          <span>{conflict}</span>
          <button type="button" className="button" onClick={onReload}>
            Reload the draft
          </button>
        </div>
      )}

      {flow.archivedAt && (
        <div role="status" className="flow-alert flow-archived">
          Archived {new Date(flow.archivedAt).toLocaleDateString()}: leads already in it finish on
          their version, and no source can send it new ones. Restore it to use it again.
        </div>
      )}
      <div className="flow-toolbar" role="toolbar" aria-label="Canvas">
        <button
          type="button"
          className="button"
          onClick={history.undo}
          disabled={!history.canUndo}
          aria-keyshortcuts="Control+Z"
        >
          Undo
        </button>
        <button
          type="button"
          className="button"
          onClick={history.redo}
          disabled={!history.canRedo}
          aria-keyshortcuts="Control+Shift+Z"
        >
          Redo
        </button>
        <button type="button" className="button" onClick={tidyUp} disabled={graph.nodes.length < 2}>
          Tidy up
        </button>
        <button type="button" className="button" onClick={() => canvas.current?.fit()}>
          Fit view
        </button>
        <button
          type="button"
          className="button"
          onClick={showShortcuts}
          aria-keyshortcuts="?"
          aria-haspopup="dialog"
        >
          Shortcuts
        </button>
        <button
          type="button"
          className="button"
          aria-pressed={testing}
          onClick={() => {
            setTesting((open) => !open);
            setComparing(false);
            setLive(false);
          }}
        >
          Test
        </button>
        <button
          type="button"
          className="button"
          aria-pressed={comparing}
          onClick={() => {
            setComparing((open) => !open);
            setTesting(false);
          }}
        >
          Compare with published
        </button>
        <button
          type="button"
          className="button"
          aria-pressed={live}
          disabled={liveVersion === null}
          title={liveVersion === null ? 'Publish a version to see its live numbers' : undefined}
          onClick={() => {
            setLive((on) => !on);
            setTesting(false);
            setComparing(false);
          }}
        >
          Live numbers
        </button>
        {live && (
          <span className="flow-live-summary" role="status">
            {stats.isPending
              ? 'Loading live numbers…'
              : stats.isError
                ? 'Live numbers could not be loaded.'
                : `Version ${liveVersion}: ${stats.data?.leads ?? 0} leads so far${
                    flow.draftChanged ? ' (steps added since show none)' : ''
                  }`}
          </span>
        )}
        <span className="flow-toolbar-spacer" />

        <SaveStatusIndicator status={autosave.status} onRetry={autosave.retry} />
      </div>

      <div className="flow-editor-layout">
        <FlowPalette
          catalogue={catalogue}
          disabled={disabledTypes}
          afterLabel={selected ? (selected.label ?? selected.id) : null}
          onAdd={addAfterSelected}
        />
        <FlowCanvas
          ref={canvas}
          graph={graph}
          catalogue={catalogue}
          problems={problems}
          names={references.names}
          editing={editing}
          annotations={annotations}
        />
        {comparing ? (
          <FlowBacktestPanel
            flowId={flow.id}
            publishedVersion={liveVersion}
            beforeRun={() => autosave.flush()}
            onFocusNode={(nodeId) => canvas.current?.fit([nodeId])}
            onClose={() => setComparing(false)}
          />
        ) : testing ? (
          <FlowTestPanel
            flowId={flow.id}
            graph={graph}
            beforeRun={() => autosave.flush()}
            onResult={(result) => setTested(result ? { result, graph: graphRef.current } : null)}
            onFocusNode={(nodeId) => canvas.current?.fit([nodeId])}
            onClose={() => setTesting(false)}
          />
        ) : selected ? (
          <NodeConfigPanel
            node={selected}
            description={byType.get(selected.type)}
            problems={problems.filter(
              (p) => p.nodeId === selected.id || p.nodeIds?.includes(selected.id),
            )}
            references={references.options}
            onLabelChange={(label) =>
              edit((g) => setNodeLabel(g, selected.id, label), `label:${selected.id}`)
            }
            onConfigChange={(config) =>
              edit((g) => setNodeConfig(g, selected.id, config), `config:${selected.id}`)
            }
            onDelete={() => {
              edit((g) => removeElements(g, [selected.id], []));
              select(null);
            }}
            onClose={() => select(null)}
          />
        ) : (
          <FlowProblemList
            graph={graph}
            problems={problems}
            onFocusNode={(nodeId) => {
              select(nodeId);
              canvas.current?.fit([nodeId]);
            }}
          />
        )}
      </div>

      {showingShortcuts && <ShortcutsDialog onClose={() => setShowingShortcuts(false)} />}
      {publishing !== 'closed' && (
        <PublishDialog
          nextVersion={nextVersion}
          publishing={publishing === 'busy'}
          error={publishError}
          failedTests={failedTests}
          onOpenTests={() => {
            setPublishing('closed');
            setTesting(true);
            setComparing(false);
            setLive(false);
          }}
          onPublish={(note) => void publish(note)}
          onCancel={() => setPublishing('closed')}
          flowId={flow.id}
          draft={graph}
          published={flow.published}
          catalogue={catalogue}
          names={references.names}
        />
      )}
    </>
  );
}
