import { useState, type KeyboardEvent } from 'react';
import { CUSTOM_FIELD_PREFIX, factField, factFieldGroups, factKind } from './condition-fields';
import {
  operatorChoice,
  operatorChoicesFor,
  operatorWords,
  parseScalar,
  valueText,
  withField,
  withOperator,
  type ClauseDraft,
} from './condition-rule-edits';

// One clause of a rule as a row: which field, which test, and the value(s) the test needs.

export interface ClauseErrors {
  field: boolean;
  op: boolean;
  value: boolean;
  messages: string[];
}

interface ClauseRowProps {
  /** Base for the inputs' ids, e.g. node-n1_rules_0_group_clauses_1. */
  id: string;
  /** "Clause 2 of rule 1", for the labels of inputs that have no visible one. */
  name: string;
  clause: ClauseDraft;
  errors: ClauseErrors;
  disabled: boolean;
  onChange(clause: ClauseDraft): void;
}

const OTHER = '__other__';

export function ClauseRow({ id, name, clause, errors, disabled, onChange }: ClauseRowProps) {
  const known = factField(clause.field) !== undefined;
  const [typing, setTyping] = useState(!known);
  const otherPath = typing || !known;
  const errorsId = `${id}__errors`;
  const describedBy = errors.messages.length > 0 ? errorsId : undefined;
  const invalid = (yes: boolean) => (yes ? true : undefined);
  const choice = operatorChoice(clause);
  return (
    <div className="clause-row-controls">
      <div className="clause-field">
        <label className="visually-hidden" htmlFor={`${id}_field`}>
          Field ({name})
        </label>
        <select
          id={`${id}_field`}
          value={otherPath ? OTHER : clause.field}
          disabled={disabled}
          aria-invalid={invalid(errors.field && !otherPath)}
          aria-describedby={describedBy}
          onChange={(e) => {
            if (e.target.value === OTHER) {
              setTyping(true);
              if (known) onChange(withField(clause, CUSTOM_FIELD_PREFIX));
              return;
            }
            setTyping(false);
            onChange(withField(clause, e.target.value));
          }}
        >
          {factFieldGroups.map((group) => (
            <optgroup key={group.group} label={group.label}>
              {group.fields.map((f) => (
                <option key={f.path} value={f.path}>
                  {group.label}: {f.label}
                </option>
              ))}
            </optgroup>
          ))}
          <option value={OTHER}>Custom or other field…</option>
        </select>
        {otherPath && (
          <>
            <label className="visually-hidden" htmlFor={`${id}_path`}>
              Field path ({name})
            </label>
            <input
              id={`${id}_path`}
              type="text"
              className="clause-path"
              value={clause.field}
              disabled={disabled}
              placeholder="lead.customFields.budget"
              spellCheck={false}
              aria-invalid={invalid(errors.field)}
              aria-describedby={describedBy}
              onChange={(e) => onChange(withField(clause, e.target.value.trim()))}
            />
          </>
        )}
      </div>
      <div className="clause-test">
        <label className="visually-hidden" htmlFor={`${id}_op`}>
          Test ({name})
        </label>
        <select
          id={`${id}_op`}
          className="clause-op"
          value={choice}
          disabled={disabled}
          aria-invalid={invalid(errors.op)}
          aria-describedby={describedBy}
          onChange={(e) =>
            onChange(withOperator(clause, e.target.value as ReturnType<typeof operatorChoice>))
          }
        >
          {operatorChoicesFor(clause).map((op) => (
            <option key={op} value={op}>
              {operatorWords[op]}
            </option>
          ))}
        </select>
        <ClauseValue
          id={id}
          name={name}
          clause={clause}
          invalid={errors.value}
          describedBy={describedBy}
          disabled={disabled}
          onChange={onChange}
        />
      </div>
    </div>
  );
}

interface ClauseValueProps {
  id: string;
  name: string;
  clause: ClauseDraft;
  invalid: boolean;
  describedBy: string | undefined;
  disabled: boolean;
  onChange(clause: ClauseDraft): void;
}

/** The value input the test needs: none, one, two (between), or a list of tags (in). */
function ClauseValue({
  id,
  name,
  clause,
  invalid,
  describedBy,
  disabled,
  onChange,
}: ClauseValueProps) {
  const kind = factKind(clause.field);
  const field = factField(clause.field);
  const set = (value: unknown) => onChange({ ...clause, value });
  const parse = (raw: string) => parseScalar(raw, kind, clause.op);
  const common = {
    disabled,
    'aria-invalid': invalid ? true : undefined,
    'aria-describedby': describedBy,
  };
  if (clause.op === 'exists') return null;

  if (clause.op === 'between') {
    const [low, high] = Array.isArray(clause.value) ? (clause.value as unknown[]) : ['', ''];
    const bound = (which: 0 | 1, value: unknown, word: string) => (
      <>
        <label className="visually-hidden" htmlFor={`${id}_value_${which}`}>
          {word} ({name})
        </label>
        <input
          id={`${id}_value_${which}`}
          type={kind === 'number' ? 'number' : 'text'}
          className="clause-value clause-bound"
          value={valueText(value)}
          placeholder={word}
          {...common}
          onChange={(e) =>
            set(which === 0 ? [parse(e.target.value), high] : [low, parse(e.target.value)])
          }
        />
      </>
    );
    return (
      <span className="clause-between">
        {bound(0, low, 'From')}
        <span aria-hidden="true">and</span>
        {bound(1, high, 'To')}
      </span>
    );
  }

  if (clause.op === 'in') {
    const values = Array.isArray(clause.value) ? (clause.value as unknown[]) : [];
    return (
      <TagList
        id={`${id}_value`}
        name={name}
        values={values}
        suggestions={field?.choices}
        numeric={kind === 'number'}
        invalid={invalid}
        describedBy={describedBy}
        disabled={disabled}
        onChange={(next) => set(next.map((raw) => (typeof raw === 'string' ? parse(raw) : raw)))}
      />
    );
  }

  const label = (
    <label className="visually-hidden" htmlFor={`${id}_value`}>
      Value ({name})
    </label>
  );
  if (kind === 'boolean' && (clause.op === 'eq' || clause.op === 'neq')) {
    return (
      <>
        {label}
        <select
          id={`${id}_value`}
          className="clause-value"
          value={valueText(clause.value)}
          {...common}
          onChange={(e) => set(e.target.value === 'true')}
        >
          <option value="true">yes</option>
          <option value="false">no</option>
        </select>
      </>
    );
  }
  if (field?.choices && (clause.op === 'eq' || clause.op === 'neq')) {
    const current = valueText(clause.value);
    return (
      <>
        {label}
        <select
          id={`${id}_value`}
          className="clause-value"
          value={current}
          {...common}
          onChange={(e) => set(e.target.value)}
        >
          {!field.choices.includes(current) && (
            <option value={current}>{current || 'Choose…'}</option>
          )}
          {field.choices.map((c) => (
            <option key={c} value={c}>
              {c}
            </option>
          ))}
        </select>
      </>
    );
  }
  return (
    <>
      {label}
      <input
        id={`${id}_value`}
        type={kind === 'number' ? 'number' : 'text'}
        className="clause-value"
        value={valueText(clause.value)}
        placeholder={
          clause.op === 'matches'
            ? 'a pattern, e.g. tooth|dent'
            : kind === 'date'
              ? '2026-01-31'
              : 'value'
        }
        spellCheck={clause.op === 'matches' ? false : undefined}
        {...common}
        onChange={(e) => set(parse(e.target.value))}
      />
    </>
  );
}

interface TagListProps {
  id: string;
  name: string;
  values: readonly unknown[];
  suggestions: readonly string[] | undefined;
  numeric: boolean;
  invalid: boolean;
  describedBy: string | undefined;
  disabled: boolean;
  onChange(values: unknown[]): void;
}

/** The values of an "is one of" test as removable tags, with a box to add more (Enter or comma). */
function TagList({
  id,
  name,
  values,
  suggestions,
  numeric,
  invalid,
  describedBy,
  disabled,
  onChange,
}: TagListProps) {
  const [draft, setDraft] = useState('');
  const add = () => {
    const text = draft.trim();
    if (text === '') return;
    onChange([...values, text]);
    setDraft('');
  };
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'Enter' || e.key === ',') {
      e.preventDefault();
      add();
    } else if (e.key === 'Backspace' && draft === '' && values.length > 0) {
      onChange(values.slice(0, -1));
    }
  };
  const listId = `${id}_suggestions`;
  return (
    <div className="clause-tags">
      <ul className="clause-tag-list" aria-label={`Values (${name})`}>
        {values.map((value, index) => (
          <li key={`${index}-${valueText(value)}`} className="clause-tag">
            <span>{valueText(value)}</span>
            {!disabled && (
              <button
                type="button"
                className="clause-tag-remove"
                aria-label={`Remove ${valueText(value)}`}
                onClick={() => onChange(values.filter((_, i) => i !== index))}
              >
                ×
              </button>
            )}
          </li>
        ))}
      </ul>
      <label className="visually-hidden" htmlFor={id}>
        Add a value ({name})
      </label>
      <input
        id={id}
        type={numeric ? 'number' : 'text'}
        className="clause-value"
        value={draft}
        placeholder="add a value, then Enter"
        list={suggestions ? listId : undefined}
        disabled={disabled}
        aria-invalid={invalid ? true : undefined}
        aria-describedby={describedBy}
        onChange={(e) => setDraft(e.target.value)}
        onKeyDown={onKeyDown}
        onBlur={add}
      />
      {suggestions && (
        <datalist id={listId}>
          {suggestions.map((s) => (
            <option key={s} value={s} />
          ))}
        </datalist>
      )}
    </div>
  );
}
