import type { FlowSimulation, FlowSimulationRequest, LeadDetail } from '@baton/api-contract';
import type { FlowGraph } from '@baton/flow';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useEffect, useId, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { errorMessage } from '../../api/api-request-error';
import { fetchLead, fetchLeadPage } from '../leads/leads.api';
import { FlowTestCases } from './flow-test-cases';
import { simulateDraft } from './flow-test.api';
import { enumLabel } from './node-config-schema';
import './flow-test-panel.css';

type ScoreMode = 'heuristic' | 'set' | 'stored';

interface TypedLead {
  name: string;
  email: string;
  phone: string;
  company: string;
  message: string;
}

const emptyLead: TypedLead = { name: '', email: '', phone: '', company: '', message: '' };

/** A lead like the ones service businesses get, so "Run" works before anything is typed. */
export const sampleLead: TypedLead = {
  name: 'Maria Lopez',
  email: 'maria.lopez@example.com',
  phone: '+1 555 0142',
  company: '',
  message:
    'My tooth has been aching since last night and my cheek is swollen. Can I come in today?',
};

interface FlowTestPanelProps {
  flowId: string;
  graph: FlowGraph;
  /** Saves pending edits first: the server walks the draft as saved. False when that failed. */
  beforeRun(): Promise<boolean>;
  onResult(result: FlowSimulation | null): void;
  onFocusNode(nodeId: string): void;
  onClose(): void;
}

const optional = (value: string) => (value.trim() === '' ? undefined : value.trim());

/** `datetime-local` wants local wall time without a zone. */
function localInputValue(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** The request the form describes; the stored lead (when one was picked) keeps its extra facts. */
export function simulationRequest(input: {
  lead: TypedLead;
  picked: LeadDetail | null;
  scoreMode: ScoreMode;
  score: number;
  at: string | null;
  breached: boolean;
}): FlowSimulationRequest {
  const { lead, picked } = input;
  const qualification =
    input.scoreMode === 'set'
      ? { score: input.score }
      : input.scoreMode === 'stored' && picked?.qualification
        ? picked.qualification
        : undefined;
  return {
    lead: {
      name: lead.name.trim(),
      email: optional(lead.email),
      phone: optional(lead.phone),
      company: optional(lead.company),
      message: optional(lead.message),
      ...(picked ? { customFields: picked.customFields, context: picked.context } : {}),
    },
    ...(qualification ? { qualification } : {}),
    ...(input.at ? { at: new Date(input.at).toISOString() } : {}),
    ...(input.breached ? { breached: true } : {}),
  };
}

/**
 * "What happens to this lead?": a typed or recent real lead, at a moment of your choosing,
 * walked through the draft; the path lights up on the canvas and each step says why.
 */
export function FlowTestPanel({
  flowId,
  graph,
  beforeRun,
  onResult,
  onFocusNode,
  onClose,
}: FlowTestPanelProps) {
  const titleId = useId();
  const ids = { lead: useId(), at: useId(), score: useId(), recent: useId() };
  const [lead, setLead] = useState<TypedLead>(sampleLead);
  const [picked, setPicked] = useState<LeadDetail | null>(null);
  const [scoreMode, setScoreMode] = useState<ScoreMode>('heuristic');
  const [score, setScore] = useState(80);
  const [when, setWhen] = useState<'now' | 'at'>('now');
  const [at, setAt] = useState(() => {
    // A weekday evening: the after-hours case people most want to see.
    const evening = new Date();
    evening.setHours(21, 30, 0, 0);
    return localInputValue(evening);
  });
  const [breached, setBreached] = useState(false);

  const recent = useQuery({
    queryKey: ['flows', 'test', 'recent-leads'],
    queryFn: ({ signal }) => fetchLeadPage({}, undefined, signal),
    staleTime: 30_000,
  });
  const pick = useMutation({
    mutationFn: (leadId: string) => fetchLead(leadId),
    onSuccess: (detail) => {
      setPicked(detail);
      setLead({
        name: detail.contact.name,
        email: detail.contact.email ?? '',
        phone: detail.contact.phone ?? '',
        company: detail.contact.company ?? '',
        message: detail.message ?? '',
      });
      setScoreMode(detail.qualification ? 'stored' : 'heuristic');
      setWhen('at');
      setAt(localInputValue(new Date(detail.receivedAt)));
    },
  });

  // The request is the mutation's variable, so "Save as test" keeps the lead that was walked.
  const run = useMutation({
    mutationFn: async (request: FlowSimulationRequest) => {
      if (!(await beforeRun())) throw new Error('The draft could not be saved, so it was not run.');
      return simulateDraft(flowId, request);
    },
    onSuccess: (result) => onResult(result),
    onError: () => onResult(null),
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (lead.name.trim() !== '' && !run.isPending)
      run.mutate(
        simulationRequest({
          lead,
          picked,
          scoreMode,
          score,
          at: when === 'at' ? at : null,
          breached,
        }),
      );
  };
  // A saved test's lead back in the form (what the form has no place for stays with the test).
  const loadInput = (input: FlowSimulationRequest) => {
    const savedScore = input.qualification?.['score'];
    setPicked(null);
    setLead({
      name: input.lead.name,
      email: input.lead.email ?? '',
      phone: input.lead.phone ?? '',
      company: input.lead.company ?? '',
      message: input.lead.message ?? '',
    });
    setScoreMode(typeof savedScore === 'number' ? 'set' : 'heuristic');
    if (typeof savedScore === 'number') setScore(savedScore);
    setWhen(input.at ? 'at' : 'now');
    if (input.at) setAt(localInputValue(new Date(input.at)));
    setBreached(
      input.breached === true || (Array.isArray(input.breached) && input.breached.length > 0),
    );
  };
  const field = (key: keyof TypedLead, label: string, type = 'text') => {
    const id = `${ids.lead}-${key}`;
    return (
      <div className="field">
        <label htmlFor={id}>{label}</label>
        {key === 'message' ? (
          <textarea
            id={id}
            rows={3}
            value={lead[key]}
            onChange={(e) => setLead({ ...lead, [key]: e.target.value })}
          />
        ) : (
          <input
            id={id}
            type={type}
            value={lead[key]}
            required={key === 'name'}
            onChange={(e) => setLead({ ...lead, [key]: e.target.value })}
          />
        )}
      </div>
    );
  };

  return (
    <aside
      className="card flow-panel flow-test-panel"
      aria-labelledby={titleId}
      data-testid="flow-test-panel"
    >
      <header className="flow-panel-head">
        <div>
          <p className="flow-panel-type">Test the draft</p>
          <h2 className="flow-panel-title" id={titleId}>
            What happens to this lead?
          </h2>
        </div>
        <button
          type="button"
          className="button button-quiet flow-panel-close"
          onClick={onClose}
          aria-label="Close the test panel"
        >
          ×
        </button>
      </header>
      <div className="flow-panel-body">
        <form onSubmit={submit} className="flow-test-form" aria-label="Test lead">
          <div className="field">
            <label htmlFor={ids.recent}>Start from a recent lead</label>
            <select
              id={ids.recent}
              value={picked?.id ?? ''}
              disabled={recent.isPending || pick.isPending}
              onChange={(e) => {
                if (e.target.value === '') {
                  setPicked(null);
                  setLead(emptyLead);
                  setScoreMode('heuristic');
                } else pick.mutate(e.target.value);
              }}
            >
              <option value="">
                {recent.isPending ? 'Loading recent leads…' : 'None: type a lead below'}
              </option>
              {recent.data?.items.map((item) => (
                <option key={item.id} value={item.id}>
                  {item.contact.name} · {new Date(item.receivedAt).toLocaleString()}
                </option>
              ))}
            </select>
            {recent.isError && (
              <p className="field-hint">Recent leads could not be loaded: type one instead.</p>
            )}
            {recent.data?.items.length === 0 && (
              <p className="field-hint">No leads have arrived yet: type one below.</p>
            )}
          </div>
          {field('name', 'Name')}
          <div className="flow-test-row">
            {field('email', 'Email', 'email')}
            {field('phone', 'Phone', 'tel')}
          </div>
          {field('company', 'Company')}
          {field('message', 'Message')}

          <fieldset className="flow-test-choice">
            <legend>Score</legend>
            <label>
              <input
                type="radio"
                name={ids.score}
                checked={scoreMode === 'heuristic'}
                onChange={() => setScoreMode('heuristic')}
              />
              Score it as Baton would without the model
            </label>
            {picked?.qualification && (
              <label>
                <input
                  type="radio"
                  name={ids.score}
                  checked={scoreMode === 'stored'}
                  onChange={() => setScoreMode('stored')}
                />
                Use the score it got ({String(picked.qualification['score'] ?? '–')})
              </label>
            )}
            <label>
              <input
                type="radio"
                name={ids.score}
                checked={scoreMode === 'set'}
                onChange={() => setScoreMode('set')}
              />
              Set a score
            </label>
            {scoreMode === 'set' && (
              <div className="flow-test-score">
                <input
                  type="range"
                  min={0}
                  max={100}
                  value={score}
                  aria-label="Score"
                  onChange={(e) => setScore(Number(e.target.value))}
                />
                <output>{score}</output>
              </div>
            )}
          </fieldset>

          <fieldset className="flow-test-choice">
            <legend>When it arrives</legend>
            <label>
              <input
                type="radio"
                name={ids.at}
                checked={when === 'now'}
                onChange={() => setWhen('now')}
              />
              Now
            </label>
            <label>
              <input
                type="radio"
                name={ids.at}
                checked={when === 'at'}
                onChange={() => setWhen('at')}
              />
              At
            </label>
            {when === 'at' && (
              <input
                type="datetime-local"
                aria-label="Arrival date and time (your local time)"
                value={at}
                onChange={(e) => setAt(e.target.value)}
              />
            )}
          </fieldset>

          <label className="flow-test-check">
            <input
              type="checkbox"
              checked={breached}
              onChange={(e) => setBreached(e.target.checked)}
            />
            Nobody makes contact in time (the SLA runs out)
          </label>

          <button
            type="submit"
            className="button button-primary"
            disabled={lead.name.trim() === '' || run.isPending}
          >
            {run.isPending ? 'Running…' : 'Run the test'}
          </button>
        </form>

        {run.isError && (
          <p role="alert" className="flow-test-error">
            {errorMessage(run.error)}
          </p>
        )}
        {run.data && !run.isPending && (
          <SimulationResultView result={run.data} graph={graph} onFocusNode={onFocusNode} />
        )}
        <FlowTestCases
          flowId={flowId}
          graph={graph}
          beforeRun={beforeRun}
          lastRun={
            run.data && run.variables && !run.isPending
              ? { request: run.variables, result: run.data }
              : null
          }
          onLoad={loadInput}
          onShowPath={onResult}
        />
      </div>
    </aside>
  );
}

function outcomeText(result: FlowSimulation, label: (id: string) => string): string {
  const { outcome } = result;
  if (outcome.kind === 'ended')
    return `Ends at “${label(outcome.nodeId)}”: ${enumLabel(outcome.outcome).toLowerCase()}`;
  return `Stops${outcome.nodeId ? ` at “${label(outcome.nodeId)}”` : ''}: ${outcome.reason}`;
}

/** The walk, step by step: the exit each step took, why, and who the assign step considered. */
export function SimulationResultView({
  result,
  graph,
  onFocusNode,
}: {
  result: FlowSimulation;
  graph: FlowGraph;
  onFocusNode(nodeId: string): void;
}) {
  const byId = new Map(graph.nodes.map((n) => [n.id, n]));
  const label = (id: string) => byId.get(id)?.label ?? id;
  const q = result.qualification;
  const score = q.values['score'];
  const section = useRef<HTMLElement>(null);
  // The result lands below the form: bring it into view (jsdom has no scrollIntoView).
  // Braces: newer browsers return a promise from scrollIntoView, and an effect must return
  // nothing or a cleanup function.
  useEffect(() => {
    void section.current?.scrollIntoView?.({ block: 'start', behavior: 'smooth' });
  }, [result]);
  return (
    <section
      ref={section}
      className="flow-test-result"
      aria-label="Test result"
      data-testid="flow-test-result"
    >
      <p className="flow-test-outcome" role="status">
        {outcomeText(result, label)}
        {result.owner ? ` · owner ${result.owner.name}` : ' · no owner'}
      </p>
      <p className="flow-test-score-line">
        {typeof score === 'number'
          ? `Score ${score}/100 ${q.source === 'heuristic' ? '(the heuristic’s; the model is not asked in a test)' : '(as given)'}`
          : 'No score'}
      </p>
      {result.problems.length > 0 && (
        <p className="flow-test-warning">
          The draft has {result.problems.length} problem{result.problems.length === 1 ? '' : 's'}:
          the walk went as far as it could.
        </p>
      )}
      <ol className="flow-test-steps">
        {result.path.map((step, index) => (
          <li
            key={`${step.nodeId}-${index}`}
            data-testid="flow-test-step"
            data-node-id={step.nodeId}
          >
            <button
              type="button"
              className="flow-test-step-head"
              onClick={() => onFocusNode(step.nodeId)}
            >
              <span className="flow-test-step-number">{index + 1}</span>
              <span className="flow-test-step-name">{label(step.nodeId)}</span>
              {step.handle && <span className="flow-test-handle">{step.handle}</span>}
            </button>
            <p className="flow-test-reason">{step.reason}</p>
            {step.assignment && <AssignmentView assignment={step.assignment} />}
            {step.message && (
              <Detail summary={`Message to ${step.message.to} (${step.message.channel})`}>
                {step.message.subject && (
                  <p className="flow-test-subject">{step.message.subject}</p>
                )}
                <pre className="flow-test-body">{step.message.body}</pre>
              </Detail>
            )}
            {step.deadline && (
              <p className="flow-test-deadline">
                Contact due by{' '}
                <time dateTime={step.deadline}>{new Date(step.deadline).toLocaleString()}</time>
              </p>
            )}
          </li>
        ))}
      </ol>
    </section>
  );
}

function AssignmentView({
  assignment,
}: {
  assignment: NonNullable<FlowSimulation['path'][number]['assignment']>;
}) {
  return (
    <Detail
      summary={`Considered ${assignment.considered.length} ${assignment.considered.length === 1 ? 'person' : 'people'}`}
      open
    >
      <ul className="flow-test-considered">
        {assignment.considered.map((person) => (
          <li key={person.userId} className={person.eligible ? 'is-eligible' : 'is-skipped'}>
            <span className="flow-test-person">{person.name ?? person.userId}</span>
            <span>
              {person.eligible
                ? person.userId === assignment.userId
                  ? 'chosen'
                  : 'eligible'
                : 'skipped'}
            </span>
            <span className="flow-test-why">{person.reason}</span>
          </li>
        ))}
      </ul>
    </Detail>
  );
}

function Detail({
  summary,
  children,
  open,
}: {
  summary: string;
  children: ReactNode;
  open?: boolean;
}) {
  return (
    <details className="flow-test-detail" open={open}>
      <summary>{summary}</summary>
      {children}
    </details>
  );
}
