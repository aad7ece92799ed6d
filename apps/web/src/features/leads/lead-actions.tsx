import type { CurrentUser, LeadDetail } from '@baton/api-contract';
import { useQuery } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import { errorMessage } from '../../api/api-request-error';
import { Icon } from '../../ui/icon';
import { useCurrentUser } from '../auth/current-user-context';
import { isAwaitingContact } from './lead-aging';
import { fetchReps, repsQueryKey, type LeadActionKind } from './lead-actions.api';
import { useLeadAction } from './use-lead-action';
import './lead-actions.css';

type Panel = 'note' | 'disqualify' | 'reassign';

const doneMessages: Record<LeadActionKind, string> = {
  contacted: 'Marked as contacted.',
  claim: 'You own this lead now.',
  notes: 'Note added.',
  disqualify: 'Lead disqualified.',
  reassign: 'Reassignment sent.',
};

const closedStatuses: ReadonlySet<LeadDetail['status']> = new Set([
  'booked',
  'disqualified',
  'spam',
]);

const isManager = (user: CurrentUser) => user.role === 'manager' || user.role === 'admin';

/** Whether this person's acknowledgement of the lead is on its timeline already. */
const acknowledgedBy = (lead: LeadDetail, user: CurrentUser) =>
  lead.timeline.some((e) => e.type === 'acknowledged' && e.actor.id === user.id);

/** Which actions make sense for this person on this lead; the server still has the last word. */
export function availableActions(lead: LeadDetail, user: CurrentUser) {
  const awaiting = isAwaitingContact(lead);
  const mine = lead.owner?.id === user.id;
  const open = !closedStatuses.has(lead.status);
  return {
    contacted: awaiting,
    /** Contacting is the point: primary for the owner, and for anyone while nobody owns it. */
    contactedPrimary: mine || lead.owner === null,
    claim: awaiting && !mine,
    /** The owner says "I'm on it" (a claim of their own lead): others stop being reminded. */
    acknowledge: awaiting && mine && !acknowledgedBy(lead, user),
    note: true,
    disqualify: open && (isManager(user) || mine),
    reassign: open && isManager(user),
  };
}

export function LeadActions({ lead }: { lead: LeadDetail }) {
  const user = useCurrentUser();
  const id = useId();
  const action = useLeadAction(lead.id);
  const [panel, setPanel] = useState<Panel | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const allowed = availableActions(lead, user);
  const pending = action.isPending;

  const run = (...[next, onDone]: Parameters<typeof action.run>) => {
    setDone(null);
    action.run(next, () => {
      setDone(doneMessages[next.kind]);
      onDone?.();
    });
  };
  const toggle = (next: Panel) => {
    action.reset();
    setDone(null);
    setPanel((current) => (current === next ? null : next));
  };
  const close = () => setPanel(null);

  return (
    <section className="card lead-actions" aria-label="Lead actions">
      <div className="lead-actions-bar">
        {allowed.contacted && (
          <button
            type="button"
            className={allowed.contactedPrimary ? 'button button-primary' : 'button'}
            disabled={pending}
            onClick={() => run({ kind: 'contacted', body: {} })}
          >
            <Icon name="phone" size={15} />
            Mark contacted
          </button>
        )}
        {allowed.claim && (
          <button
            type="button"
            className="button"
            disabled={pending}
            onClick={() => run({ kind: 'claim', body: {} })}
          >
            <Icon name="userCheck" size={15} />
            Claim
          </button>
        )}
        {allowed.acknowledge && (
          <button
            type="button"
            className="button"
            disabled={pending}
            onClick={() =>
              run({ kind: 'claim', body: {} }, () =>
                setDone('Acknowledged: nobody else is reminded about this lead.'),
              )
            }
          >
            <Icon name="userCheck" size={15} />
            Acknowledge
          </button>
        )}
        <button
          type="button"
          className="button"
          aria-expanded={panel === 'note'}
          aria-controls={`${id}-panel`}
          disabled={pending}
          onClick={() => toggle('note')}
        >
          <Icon name="message" size={15} />
          Add note
        </button>
        {allowed.reassign && (
          <button
            type="button"
            className="button"
            aria-expanded={panel === 'reassign'}
            aria-controls={`${id}-panel`}
            disabled={pending}
            onClick={() => toggle('reassign')}
          >
            <Icon name="repeat" size={15} />
            Reassign
          </button>
        )}
        {allowed.disqualify && (
          <button
            type="button"
            className="button button-danger-quiet"
            aria-expanded={panel === 'disqualify'}
            aria-controls={`${id}-panel`}
            disabled={pending}
            onClick={() => toggle('disqualify')}
          >
            <Icon name="xCircle" size={15} />
            Disqualify
          </button>
        )}
        <span className="lead-actions-status" role="status">
          {pending ? 'Sending…' : done}
        </span>
      </div>

      {action.isError && (
        <p role="alert" className="lead-actions-error">
          {errorMessage(action.error)}
        </p>
      )}

      {panel && (
        <div id={`${id}-panel`} className="lead-actions-panel">
          {panel === 'note' && (
            <NoteForm
              pending={pending}
              onCancel={close}
              onSubmit={(text) => run({ kind: 'notes', body: { text } }, close)}
            />
          )}
          {panel === 'disqualify' && (
            <DisqualifyForm
              pending={pending}
              onCancel={close}
              onSubmit={(reason) => run({ kind: 'disqualify', body: { reason } }, close)}
            />
          )}
          {panel === 'reassign' && (
            <ReassignForm
              ownerId={lead.owner?.id ?? null}
              pending={pending}
              onCancel={close}
              onSubmit={(toUserId, reason) =>
                run({ kind: 'reassign', body: { toUserId, reason } }, close)
              }
            />
          )}
        </div>
      )}
    </section>
  );
}

interface FormProps<Args extends unknown[]> {
  pending: boolean;
  onCancel: () => void;
  onSubmit: (...args: Args) => void;
}

function FormButtons({
  pending,
  label,
  danger = false,
  onCancel,
}: {
  pending: boolean;
  label: string;
  danger?: boolean;
  onCancel: () => void;
}) {
  return (
    <div className="lead-actions-form-buttons">
      <button
        type="submit"
        className={danger ? 'button button-danger' : 'button button-primary'}
        disabled={pending}
      >
        {label}
      </button>
      <button type="button" className="button button-quiet" onClick={onCancel} disabled={pending}>
        Cancel
      </button>
    </div>
  );
}

function useTextField(max: number) {
  const [value, setValue] = useState('');
  const [error, setError] = useState<string | null>(null);
  const check = (what: string): string | null => {
    const trimmed = value.trim();
    if (trimmed === '') {
      setError(`Write ${what}.`);
      return null;
    }
    if (trimmed.length > max) {
      setError(`Keep it under ${max} characters.`);
      return null;
    }
    setError(null);
    return trimmed;
  };
  return { value, setValue, error, check };
}

function NoteForm({ pending, onCancel, onSubmit }: FormProps<[text: string]>) {
  const id = useId();
  const text = useTextField(5000);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const value = text.check('a note');
    if (value !== null) onSubmit(value);
  };
  return (
    <form className="lead-actions-form" onSubmit={submit} noValidate>
      <div className="field">
        <label htmlFor={`${id}-note`} className="field-label">
          Note
        </label>
        <textarea
          id={`${id}-note`}
          rows={3}
          autoFocus
          value={text.value}
          onChange={(e) => text.setValue(e.target.value)}
          aria-invalid={text.error ? true : undefined}
          placeholder="Left a voicemail, will try again at 3pm…"
        />
        {text.error && <span className="field-error">{text.error}</span>}
      </div>
      <FormButtons pending={pending} label="Save note" onCancel={onCancel} />
    </form>
  );
}

function DisqualifyForm({ pending, onCancel, onSubmit }: FormProps<[reason: string]>) {
  const id = useId();
  const reason = useTextField(500);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const value = reason.check('why this lead is disqualified');
    if (value !== null) onSubmit(value);
  };
  return (
    <form className="lead-actions-form" onSubmit={submit} noValidate>
      <p className="lead-actions-warning">
        Disqualifying closes the lead: reminders and escalations stop.
      </p>
      <div className="field">
        <label htmlFor={`${id}-reason`} className="field-label">
          Reason
        </label>
        <textarea
          id={`${id}-reason`}
          rows={2}
          autoFocus
          value={reason.value}
          onChange={(e) => reason.setValue(e.target.value)}
          aria-invalid={reason.error ? true : undefined}
          placeholder="Student project, no budget"
        />
        {reason.error && <span className="field-error">{reason.error}</span>}
      </div>
      <FormButtons pending={pending} label="Disqualify lead" danger onCancel={onCancel} />
    </form>
  );
}

const nextEligible = '';

function ReassignForm({
  ownerId,
  pending,
  onCancel,
  onSubmit,
}: FormProps<[toUserId: string | null, reason: string]> & { ownerId: string | null }) {
  const id = useId();
  const reps = useQuery({ queryKey: repsQueryKey, queryFn: ({ signal }) => fetchReps(signal) });
  const [to, setTo] = useState(nextEligible);
  const reason = useTextField(500);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const value = reason.check('why the lead changes hands');
    if (value !== null) onSubmit(to === nextEligible ? null : to, value);
  };
  const people = (reps.data?.items ?? []).filter((rep) => rep.id !== ownerId);
  return (
    <form className="lead-actions-form" onSubmit={submit} noValidate>
      <div className="field">
        <label htmlFor={`${id}-to`} className="field-label">
          Hand to
        </label>
        <select id={`${id}-to`} value={to} onChange={(e) => setTo(e.target.value)}>
          <option value={nextEligible}>Next eligible person</option>
          {people.map((rep) => (
            <option key={rep.id} value={rep.id}>
              {rep.name}
              {rep.status === 'away' ? ' (away)' : ''} · {rep.openLeads} open
            </option>
          ))}
        </select>
        {reps.isPending && <span className="field-hint">Loading reps…</span>}
        {reps.isError && (
          <span className="field-error">
            Could not load reps: {errorMessage(reps.error)} You can still hand the lead to the next
            eligible person.
          </span>
        )}
      </div>
      <div className="field">
        <label htmlFor={`${id}-reason`} className="field-label">
          Reason
        </label>
        <input
          id={`${id}-reason`}
          value={reason.value}
          onChange={(e) => reason.setValue(e.target.value)}
          aria-invalid={reason.error ? true : undefined}
          placeholder="Out sick today"
        />
        {reason.error && <span className="field-error">{reason.error}</span>}
      </div>
      <FormButtons pending={pending} label="Reassign lead" onCancel={onCancel} />
    </form>
  );
}
