import type {
  FlowSimulation,
  FlowSimulationRequest,
  FlowTestCaseExpected,
  FlowTestCaseView,
  FlowTestResult,
} from '@baton/api-contract';
import type { FlowGraph } from '@baton/flow';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import { errorMessage, isApiRequestError } from '../../api/api-request-error';
import { useCurrentUser } from '../auth/current-user-context';
import {
  describeExpected,
  expectationChoices,
  hiddenInputParts,
  suggestedName,
  type ExpectationChoice,
  type ExpectationKey,
} from './flow-test-case-expectations';
import {
  createFlowTestCase,
  deleteFlowTestCase,
  fetchFlowTestCases,
  flowTestCaseKeys,
  runFlowTestCases,
} from './flow-test-cases.api';
import { simulateDraft } from './flow-test.api';
import { useFlowReferences } from './flow-references.api';
import type { ReferenceNames } from './node-face';
import './flow-test-cases.css';

interface FlowTestCasesProps {
  flowId: string;
  graph: FlowGraph;
  /** Saves pending edits first: the server runs the draft as saved. False when that failed. */
  beforeRun(): Promise<boolean>;
  /** The panel's last walk and the lead it walked: what "Save as test" keeps. */
  lastRun: { request: FlowSimulationRequest; result: FlowSimulation } | null;
  /** Puts a saved case's lead into the panel's form. */
  onLoad(input: FlowSimulationRequest): void;
  /** Draws a case's walk on the canvas. */
  onShowPath(result: FlowSimulation): void;
}

/**
 * "Saved tests": example leads with where they must end up. Run all checks them against the
 * draft; publishing runs them too and refuses while one fails.
 */
export function FlowTestCases({
  flowId,
  graph,
  beforeRun,
  lastRun,
  onLoad,
  onShowPath,
}: FlowTestCasesProps) {
  const user = useCurrentUser();
  const canEdit = user.role === 'manager' || user.role === 'admin';
  const titleId = useId();
  const { names } = useFlowReferences(canEdit);
  const queryClient = useQueryClient();
  const cases = useQuery({
    queryKey: flowTestCaseKeys.list(flowId),
    queryFn: ({ signal }) => fetchFlowTestCases(flowId, signal),
  });
  const refresh = () => queryClient.invalidateQueries({ queryKey: flowTestCaseKeys.list(flowId) });

  const runAll = useMutation({
    mutationFn: async () => {
      if (!(await beforeRun()))
        throw new Error('The draft could not be saved, so the tests were not run.');
      return runFlowTestCases(flowId, 'draft');
    },
  });
  const results = new Map((runAll.data?.results ?? []).map((r) => [r.id, r]));

  const showPath = useMutation({
    mutationFn: async (input: FlowSimulationRequest) => {
      if (!(await beforeRun())) throw new Error('The draft could not be saved, so it was not run.');
      return simulateDraft(flowId, input);
    },
    onSuccess: (result) => onShowPath(result),
  });

  const [loaded, setLoaded] = useState<{ name: string; hidden: string[] } | null>(null);
  const load = (testCase: FlowTestCaseView) => {
    onLoad(testCase.input);
    setLoaded({ name: testCase.name, hidden: hiddenInputParts(testCase.input) });
  };

  // The form belongs to one walk: a new run closes it.
  const [savingFor, setSavingFor] = useState<FlowSimulation | null>(null);
  const items = cases.data?.items ?? [];

  return (
    <section className="flow-test-cases" aria-labelledby={titleId} data-testid="flow-test-cases">
      <header className="flow-test-cases-head">
        <h3 className="flow-test-cases-title" id={titleId}>
          Saved tests{items.length > 0 ? ` (${items.length})` : ''}
        </h3>
        {canEdit && items.length > 0 && (
          <button
            type="button"
            className="button"
            disabled={runAll.isPending}
            onClick={() => runAll.mutate()}
          >
            {runAll.isPending ? 'Running…' : 'Run all'}
          </button>
        )}
      </header>

      {canEdit && lastRun && savingFor !== lastRun.result && (
        <button type="button" className="button" onClick={() => setSavingFor(lastRun.result)}>
          Save as test
        </button>
      )}
      {canEdit && lastRun && savingFor === lastRun.result && (
        <SaveAsTestForm
          flowId={flowId}
          graph={graph}
          names={names}
          run={lastRun}
          onSaved={() => {
            setSavingFor(null);
            void refresh();
          }}
          onCancel={() => setSavingFor(null)}
        />
      )}

      {runAll.isError && (
        <p role="alert" className="flow-test-error">
          {errorMessage(runAll.error)}
        </p>
      )}
      {runAll.data && !runAll.isPending && (
        <p
          className={`flow-test-cases-summary ${runAll.data.failed > 0 ? 'is-failing' : 'is-passing'}`}
          role="status"
        >
          {runAll.data.total === 0
            ? 'There were no saved tests to run.'
            : runAll.data.failed === 0
              ? `All ${runAll.data.total} ${runAll.data.total === 1 ? 'test passes' : 'tests pass'} against the draft.`
              : `${runAll.data.failed} of ${runAll.data.total} ${runAll.data.total === 1 ? 'test fails' : 'tests fail'} against the draft: publishing is refused until they pass.`}
        </p>
      )}
      {showPath.isError && (
        <p className="flow-test-error">Could not show the path: {errorMessage(showPath.error)}</p>
      )}
      {loaded && (
        <p className="flow-test-cases-loaded" role="status">
          “{loaded.name}” is in the form above.
          {loaded.hidden.length > 0 &&
            ` Its ${loaded.hidden.join(', ')} are not shown there; Run all still uses them.`}
        </p>
      )}

      {cases.isPending && <p className="flow-test-cases-note">Loading saved tests…</p>}
      {cases.isError && (
        <p className="flow-test-error">
          Saved tests could not be loaded: {errorMessage(cases.error)}
        </p>
      )}
      {cases.isSuccess && items.length === 0 && (
        <div className="flow-test-cases-empty" data-testid="flow-test-cases-empty">
          <p>
            No saved tests yet. A saved test is an example lead with where it must end up: which
            end, which team, who owns it. It keeps a change from quietly sending leads somewhere
            else.
          </p>
          <p>
            {canEdit
              ? 'Run a lead above, then “Save as test”. Publishing runs every saved test against the draft and refuses while one fails.'
              : 'Managers save them here; publishing runs every saved test and refuses while one fails.'}
          </p>
        </div>
      )}
      {items.length > 0 && (
        <ul className="flow-test-case-list">
          {items.map((testCase) => (
            <TestCaseRow
              key={testCase.id}
              flowId={flowId}
              testCase={testCase}
              result={results.get(testCase.id)}
              words={describeExpected(testCase.expected, graph, names)}
              canEdit={canEdit}
              showingPath={showPath.isPending && showPath.variables === testCase.input}
              onLoad={() => load(testCase)}
              onShowPath={() => showPath.mutate(testCase.input)}
              onDeleted={() => void refresh()}
            />
          ))}
        </ul>
      )}
    </section>
  );
}

function TestCaseRow({
  flowId,
  testCase,
  result,
  words,
  canEdit,
  showingPath,
  onLoad,
  onShowPath,
  onDeleted,
}: {
  flowId: string;
  testCase: FlowTestCaseView;
  result: FlowTestResult | undefined;
  words: string;
  canEdit: boolean;
  showingPath: boolean;
  onLoad(): void;
  onShowPath(): void;
  onDeleted(): void;
}) {
  const [confirming, setConfirming] = useState(false);
  const remove = useMutation({
    mutationFn: () => deleteFlowTestCase(flowId, testCase.id),
    onSuccess: onDeleted,
  });
  const status = result ? (result.passed ? 'passed' : 'failed') : 'not-run';
  return (
    <li
      className={`flow-test-case is-${status}`}
      data-testid="flow-test-case"
      data-case-id={testCase.id}
      data-status={status}
    >
      <div className="flow-test-case-head">
        <button
          type="button"
          className="link-button flow-test-case-name"
          title="Put this lead in the form above"
          onClick={onLoad}
        >
          {testCase.name}
        </button>
        {result && (
          <span className="flow-test-case-badge" data-testid="flow-test-case-badge">
            {result.passed ? 'Passes' : 'Fails'}
          </span>
        )}
      </div>
      <p className="flow-test-case-expects">Expects: {words}</p>
      {result && !result.passed && (
        <ul className="flow-test-case-failures" aria-label={`Why “${testCase.name}” fails`}>
          {result.failures.map((failure, index) => (
            <li key={index}>{failure.message}</li>
          ))}
        </ul>
      )}
      <div className="flow-test-case-actions">
        {canEdit && result && !result.passed && (
          <button
            type="button"
            className="button button-quiet"
            disabled={showingPath}
            onClick={onShowPath}
          >
            {showingPath ? 'Walking…' : 'Show path'}
          </button>
        )}
        {canEdit && !confirming && (
          <button
            type="button"
            className="button button-quiet"
            aria-label={`Delete “${testCase.name}”`}
            onClick={() => setConfirming(true)}
          >
            Delete
          </button>
        )}
        {canEdit && confirming && (
          <span className="flow-test-case-confirm" role="group" aria-label="Confirm delete">
            <span>Delete “{testCase.name}”?</span>
            <button
              type="button"
              className="button button-danger"
              disabled={remove.isPending}
              onClick={() => remove.mutate()}
            >
              {remove.isPending ? 'Deleting…' : 'Delete test'}
            </button>
            <button type="button" className="button" onClick={() => setConfirming(false)}>
              Keep
            </button>
          </span>
        )}
      </div>
      {remove.isError && <p className="flow-test-error">{errorMessage(remove.error)}</p>}
    </li>
  );
}

const choiceLabel = (
  choice: ExpectationChoice,
  graph: FlowGraph,
  names: ReferenceNames,
): string => {
  const words = describeExpected(choice.expected, graph, names);
  return `${words.charAt(0).toUpperCase()}${words.slice(1)}`;
};

/** Keeps the last walk's lead with the checks ticked, under a name unique in the flow. */
function SaveAsTestForm({
  flowId,
  graph,
  names,
  run,
  onSaved,
  onCancel,
}: {
  flowId: string;
  graph: FlowGraph;
  names: ReferenceNames;
  run: { request: FlowSimulationRequest; result: FlowSimulation };
  onSaved(): void;
  onCancel(): void;
}) {
  const nameId = useId();
  const [choices] = useState(() => expectationChoices(graph, run.result));
  const [ticked, setTicked] = useState<Set<ExpectationKey>>(
    () => new Set(choices.filter((c) => c.checked).map((c) => c.key)),
  );
  const [name, setName] = useState(() => suggestedName(run.request, run.result, graph));
  const expected: FlowTestCaseExpected = Object.assign(
    {},
    ...choices.filter((c) => ticked.has(c.key)).map((c) => c.expected),
  ) as FlowTestCaseExpected;
  const save = useMutation({
    mutationFn: () =>
      createFlowTestCase(flowId, { name: name.trim(), input: run.request, expected }),
    onSuccess: onSaved,
  });
  // A clash (409) or a bad name (400) is said on the field; anything else below the form.
  const nameError =
    save.error && isApiRequestError(save.error)
      ? (save.error.issues.find((i) => i.path === 'name')?.message ??
        (isApiRequestError(save.error, 409) ? save.error.message : null))
      : null;
  const canSave = name.trim() !== '' && ticked.size > 0 && !save.isPending;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (canSave) save.mutate();
  };
  return (
    <form className="flow-test-case-save" aria-label="Save as test" onSubmit={submit}>
      <div className="field">
        <label htmlFor={nameId}>Test name</label>
        <input
          id={nameId}
          value={name}
          maxLength={200}
          required
          aria-invalid={nameError ? true : undefined}
          aria-describedby={nameError ? `${nameId}-error` : undefined}
          onChange={(e) => {
            setName(e.target.value);
            if (save.isError) save.reset();
          }}
        />
        {nameError && (
          <p id={`${nameId}-error`} className="field-error">
            {nameError}
          </p>
        )}
      </div>
      <fieldset className="flow-test-choice">
        <legend>What must stay true</legend>
        {choices.map((choice) => (
          <label key={choice.key}>
            <input
              type="checkbox"
              checked={ticked.has(choice.key)}
              onChange={(e) => {
                const next = new Set(ticked);
                if (e.target.checked) next.add(choice.key);
                else next.delete(choice.key);
                setTicked(next);
              }}
            />
            {choiceLabel(choice, graph, names)}
          </label>
        ))}
        {ticked.size === 0 && <p className="field-hint">Tick at least one.</p>}
      </fieldset>
      {save.isError && !nameError && (
        <p role="alert" className="flow-test-error">
          {errorMessage(save.error)}
        </p>
      )}
      <div className="flow-test-case-save-actions">
        <button type="submit" className="button button-primary" disabled={!canSave}>
          {save.isPending ? 'Saving…' : 'Save test'}
        </button>
        <button type="button" className="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
