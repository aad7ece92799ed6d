import {
  classOfQualification,
  QUALIFICATION_CORRECTION_NOTE_MAX,
  qualificationClasses,
  type LeadDetail,
  type QualificationClass,
} from '@baton/api-contract';
import { useId, useRef, useState, type FormEvent } from 'react';
import { errorMessage, isApiRequestError } from '../../api/api-request-error';
import { QualificationClassBadge, qualificationClassLabels } from './qualification-class';
import { useQualificationCorrection } from './use-qualification-correction';
import './lead-qualification-correction.css';

const classHints: Record<QualificationClass, string> = {
  hot: 'score 70 or more',
  warm: 'score 40 to 69',
  cold: 'score under 40',
  spam: 'not a real lead',
};

interface Props {
  leadId: string;
  qualification: NonNullable<LeadDetail['qualification']>;
  correction: LeadDetail['qualificationCorrection'];
}

/**
 * The class the qualifier's answer amounts to, the latest correction by a person, and the form
 * to correct it. Corrections are labels `eval:qualify` measures models against; they do not
 * change the lead's score or route.
 */
export function LeadQualificationCorrection({ leadId, qualification, correction }: Props) {
  const id = useId();
  const toggleRef = useRef<HTMLButtonElement>(null);
  const [open, setOpen] = useState(false);
  const [saved, setSaved] = useState(false);
  const mutation = useQualificationCorrection(leadId);
  const derived = classOfQualification(qualification);

  const toggle = () => {
    mutation.reset();
    setSaved(false);
    setOpen((current) => !current);
  };
  const close = () => {
    setOpen(false);
    // Back to the button that opened the form, so keyboard users keep their place.
    toggleRef.current?.focus();
  };

  return (
    <div className="qualification-correction">
      <p className="qualification-class">
        <span className="qualification-class-label">Class</span>
        {derived ? (
          <QualificationClassBadge value={derived} />
        ) : (
          <span className="qualification-class-none">not scored</span>
        )}
      </p>
      {correction && (
        <p className="qualification-corrected">
          Corrected to <QualificationClassBadge value={correction.class} /> by{' '}
          {correction.correctedBy.name}
          {correction.note && (
            <span className="qualification-corrected-note"> · {correction.note}</span>
          )}
        </p>
      )}
      <div className="qualification-correction-bar">
        <button
          ref={toggleRef}
          type="button"
          className="button"
          aria-expanded={open}
          aria-controls={`${id}-form`}
          onClick={toggle}
        >
          Correct qualification
        </button>
        <span role="status" className="qualification-correction-status">
          {saved ? 'Correction saved.' : null}
        </span>
      </div>
      {open && (
        <CorrectionForm
          id={`${id}-form`}
          initial={correction?.class ?? null}
          pending={mutation.isPending}
          error={mutation.isError ? mutation.error : null}
          onCancel={close}
          onSubmit={(body) =>
            mutation.submit(body, () => {
              setSaved(true);
              close();
            })
          }
        />
      )}
    </div>
  );
}

function CorrectionForm({
  id,
  initial,
  pending,
  error,
  onCancel,
  onSubmit,
}: {
  id: string;
  initial: QualificationClass | null;
  pending: boolean;
  error: unknown;
  onCancel: () => void;
  onSubmit: (body: { class: QualificationClass; note?: string }) => void;
}) {
  const [choice, setChoice] = useState<QualificationClass | null>(initial);
  const [note, setNote] = useState('');
  const [classError, setClassError] = useState<string | null>(null);
  const [noteError, setNoteError] = useState<string | null>(null);
  // The server's 400 names the field; show it next to that field rather than only on top.
  const serverIssue = (field: string) =>
    isApiRequestError(error, 400) ? error.issues.find((i) => i.path === field)?.message : undefined;
  const classProblem = classError ?? serverIssue('class');
  const noteProblem = noteError ?? serverIssue('note');

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const trimmed = note.trim();
    const missingClass = choice === null ? 'Choose the class this lead really is.' : null;
    const longNote =
      trimmed.length > QUALIFICATION_CORRECTION_NOTE_MAX
        ? `Keep the note under ${QUALIFICATION_CORRECTION_NOTE_MAX} characters.`
        : null;
    setClassError(missingClass);
    setNoteError(longNote);
    if (choice === null || longNote) return;
    onSubmit(trimmed ? { class: choice, note: trimmed } : { class: choice });
  };

  return (
    <form
      id={id}
      className="qualification-correction-form"
      aria-label="Correct qualification"
      onSubmit={submit}
      noValidate
    >
      <fieldset
        className="qualification-correction-classes"
        aria-describedby={classProblem ? `${id}-class-error` : undefined}
      >
        <legend className="field-label">What is this lead really?</legend>
        {qualificationClasses.map((value, index) => (
          <label key={value} className="qualification-correction-choice">
            <input
              type="radio"
              name={`${id}-class`}
              value={value}
              checked={choice === value}
              // The first choice (or the current one) takes focus; arrows move between them.
              autoFocus={choice === null ? index === 0 : choice === value}
              onChange={() => {
                setChoice(value);
                setClassError(null);
              }}
            />
            <span>{qualificationClassLabels[value]}</span>
            <span className="qualification-correction-hint">{classHints[value]}</span>
          </label>
        ))}
        {classProblem && (
          <span id={`${id}-class-error`} className="field-error">
            {classProblem}
          </span>
        )}
      </fieldset>
      <div className="field">
        <label htmlFor={`${id}-note`} className="field-label">
          Note (optional)
        </label>
        <textarea
          id={`${id}-note`}
          rows={2}
          value={note}
          onChange={(e) => {
            setNote(e.target.value);
            setNoteError(null);
          }}
          aria-invalid={noteProblem ? true : undefined}
          aria-describedby={noteProblem ? `${id}-note-error` : undefined}
          placeholder="Asked for a quote on the phone"
        />
        {noteProblem && (
          <span id={`${id}-note-error`} className="field-error">
            {noteProblem}
          </span>
        )}
      </div>
      {error !== null && (
        <p role="alert" className="qualification-correction-error">
          {errorMessage(error)}
        </p>
      )}
      <div className="qualification-correction-buttons">
        <button type="submit" className="button button-primary" disabled={pending}>
          {pending ? 'Saving…' : 'Save correction'}
        </button>
        <button type="button" className="button button-quiet" onClick={onCancel} disabled={pending}>
          Cancel
        </button>
      </div>
    </form>
  );
}
