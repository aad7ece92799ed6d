import {
  BACKTEST_DEFAULT_LIMIT,
  BACKTEST_MAX_LIMIT,
  type FlowBacktest,
  type FlowBacktestRoute,
} from '@baton/api-contract';
import { useMutation } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { errorMessage } from '../../api/api-request-error';
import { backtestDraft } from './flow-test.api';
import { enumLabel } from './node-config-schema';
import './flow-test-panel.css';

interface FlowBacktestPanelProps {
  flowId: string;
  publishedVersion: number | null;
  /** Saves pending edits first: the server compares the draft as saved. */
  beforeRun(): Promise<boolean>;
  onFocusNode(nodeId: string): void;
  onClose(): void;
}

type Side = FlowBacktest['groups'][number]['published'];

function sideText(side: Side): string {
  const end = side.label ?? side.nodeId ?? 'nowhere';
  const verb = side.kind === 'stopped' ? 'stops at' : 'ends at';
  const who = side.assignee
    ? ` · ${side.assignee.kind === 'team' ? 'team' : 'owner'} ${side.assignee.name ?? side.assignee.id}`
    : ' · nobody';
  return `${verb} “${end}”${side.outcome ? ` (${enumLabel(side.outcome).toLowerCase()})` : ''}${who}`;
}

function routeText(route: FlowBacktestRoute): string {
  const end = route.label ?? route.nodeId ?? 'nowhere';
  const who = route.owner?.name ?? route.team?.name ?? 'nobody';
  return `“${end}” · ${who}`;
}

/**
 * "Compare with published": the flow's recent real leads walked through the live version and
 * the draft, and which of them the draft would route differently, where to and to whom.
 */
export function FlowBacktestPanel({
  flowId,
  publishedVersion,
  beforeRun,
  onFocusNode,
  onClose,
}: FlowBacktestPanelProps) {
  const titleId = useId();
  const limitId = useId();
  const [limit, setLimit] = useState(String(BACKTEST_DEFAULT_LIMIT));
  const parsed = Number(limit);
  const limitValid = Number.isInteger(parsed) && parsed >= 1 && parsed <= BACKTEST_MAX_LIMIT;
  const run = useMutation({
    mutationFn: async () => {
      if (!(await beforeRun()))
        throw new Error('The draft could not be saved, so it was not compared.');
      return backtestDraft(flowId, parsed);
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (limitValid && !run.isPending) run.mutate();
  };
  const result = run.data;
  return (
    <aside
      className="card flow-panel flow-test-panel"
      aria-labelledby={titleId}
      data-testid="flow-backtest-panel"
    >
      <header className="flow-panel-head">
        <div>
          <p className="flow-panel-type">Compare with published</p>
          <h2 className="flow-panel-title" id={titleId}>
            Would recent leads route differently?
          </h2>
        </div>
        <button
          type="button"
          className="button button-quiet flow-panel-close"
          onClick={onClose}
          aria-label="Close the comparison"
        >
          ×
        </button>
      </header>
      <div className="flow-panel-body">
        {publishedVersion === null ? (
          <p>Publish a first version: the draft is then compared with it over real leads.</p>
        ) : (
          <form onSubmit={submit} className="flow-test-form" aria-label="Compare with published">
            <p className="flow-panel-description">
              Replays real leads through version {publishedVersion} and through the draft, each at
              the time it arrived and with the score it got, with today’s team and schedules.
              Nothing is sent or changed.
            </p>
            <div className="field">
              <label htmlFor={limitId}>How many recent leads</label>
              <input
                id={limitId}
                type="number"
                min={1}
                max={BACKTEST_MAX_LIMIT}
                value={limit}
                aria-invalid={limitValid ? undefined : true}
                aria-describedby={limitValid ? undefined : `${limitId}-error`}
                onChange={(e) => setLimit(e.target.value)}
              />
              {!limitValid && (
                <p id={`${limitId}-error`} className="field-error">
                  Between 1 and {BACKTEST_MAX_LIMIT.toLocaleString()} leads
                </p>
              )}
            </div>
            <button
              type="submit"
              className="button button-primary"
              disabled={!limitValid || run.isPending}
            >
              {run.isPending ? 'Comparing…' : 'Compare'}
            </button>
          </form>
        )}
        {run.isError && (
          <p role="alert" className="flow-test-error">
            {errorMessage(run.error)}
          </p>
        )}
        {result && !run.isPending && <BacktestResult result={result} onFocusNode={onFocusNode} />}
      </div>
    </aside>
  );
}

function BacktestResult({
  result,
  onFocusNode,
}: {
  result: FlowBacktest;
  onFocusNode(nodeId: string): void;
}) {
  if (result.compared === 0) {
    return (
      <p className="flow-test-result" role="status">
        No leads have arrived yet, so there is nothing to compare. Try a lead in the test panel
        instead.
      </p>
    );
  }
  return (
    <section
      className="flow-test-result"
      aria-label="Comparison"
      data-testid="flow-backtest-result"
    >
      <p className="flow-test-outcome" role="status">
        {result.differing === 0
          ? `All ${result.compared} leads would route the same way.`
          : `${result.differing} of ${result.compared} leads would route differently.`}
      </p>
      {result.leadsFrom === 'all' && (
        <p className="flow-test-score-line">
          No lead has come through this flow yet: these are the newest leads from every source.
        </p>
      )}
      {result.draftProblems.length > 0 && (
        <p className="flow-test-warning">
          The draft has {result.draftProblems.length} problem
          {result.draftProblems.length === 1 ? '' : 's'}: some leads stop where a step is
          unfinished.
        </p>
      )}
      {result.groups.length > 0 && (
        <table className="flow-backtest-groups">
          <caption className="visually-hidden">Where the leads would go instead</caption>
          <thead>
            <tr>
              <th scope="col">Now (version {result.publishedVersion})</th>
              <th scope="col">With the draft</th>
              <th scope="col">Leads</th>
            </tr>
          </thead>
          <tbody>
            {result.groups.map((group, index) => (
              <tr key={index}>
                <td>{sideText(group.published)}</td>
                <td>
                  {group.draft.nodeId ? (
                    <button
                      type="button"
                      className="link-button"
                      onClick={() => onFocusNode(group.draft.nodeId as string)}
                    >
                      {sideText(group.draft)}
                    </button>
                  ) : (
                    sideText(group.draft)
                  )}
                </td>
                <td className="flow-backtest-count">{group.count}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {result.differences.length > 0 && (
        <>
          <h3 className="flow-backtest-subtitle">
            Leads that would move
            {result.differing > result.differences.length
              ? ` (newest ${result.differences.length} of ${result.differing})`
              : ''}
          </h3>
          <ul className="flow-backtest-leads">
            {result.differences.map((d) => (
              <li key={d.leadId} data-testid="flow-backtest-lead">
                <Link to={`/leads/${d.leadId}`}>{d.leadName}</Link>{' '}
                <time dateTime={d.receivedAt}>{new Date(d.receivedAt).toLocaleString()}</time>
                <p className="flow-test-reason">
                  {routeText(d.published)} → {routeText(d.draft)}
                </p>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
