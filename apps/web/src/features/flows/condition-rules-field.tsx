import { describeClauseTest } from '@baton/flow';
import type { FieldProps } from '@rjsf/utils';
import { ClauseRow, type ClauseErrors } from './condition-clause-row';
import {
  moveItem,
  newClause,
  newRule,
  removeItem,
  replaceItem,
  type ClauseDraft,
  type RuleDraft,
} from './condition-rule-edits';

// The condition node's rules as a rule builder instead of the form library's nested arrays:
// each rule is a card with its label, its exit and its clauses, read back as a sentence.
// Problems the editor pins on `rules.0.group.clauses.1.value` appear on that clause.

type ErrorNode = { __errors?: string[] } & { [key: string]: unknown };

const child = (node: unknown, ...keys: (string | number)[]): ErrorNode | undefined => {
  let at: unknown = node;
  for (const key of keys) {
    if (typeof at !== 'object' || at === null) return undefined;
    at = (at as Record<string, unknown>)[String(key)];
  }
  return typeof at === 'object' && at !== null ? (at as ErrorNode) : undefined;
};

const own = (node: ErrorNode | undefined): string[] => node?.__errors ?? [];

/** Every message in a subtree of the error schema. */
function allUnder(node: unknown): string[] {
  if (typeof node !== 'object' || node === null) return [];
  return Object.entries(node as Record<string, unknown>).flatMap(([key, value]) =>
    key === '__errors' ? (Array.isArray(value) ? (value as string[]) : []) : allUnder(value),
  );
}

function clauseErrors(node: ErrorNode | undefined): ClauseErrors {
  return {
    field: allUnder(child(node, 'field')).length > 0,
    op: allUnder(child(node, 'op')).length > 0,
    value: allUnder(child(node, 'value')).length > 0,
    messages: allUnder(node),
  };
}

/** The rule read back: `When qualification.score is at least 70, the lead takes exit "hot".` */
export function ruleSentence(rule: RuleDraft): string {
  const clauses = Array.isArray(rule.group?.clauses) ? rule.group.clauses : [];
  const tests = clauses.map((c) => describeClauseTest({ ...c, value: c.value }));
  const joiner = rule.group?.mode === 'any' ? ' or ' : ' and ';
  const condition = tests.length > 0 ? tests.join(joiner) : 'nothing is tested yet';
  return `When ${condition}, the lead takes exit “${rule.id}”.`;
}

const asRules = (data: unknown): RuleDraft[] => (Array.isArray(data) ? (data as RuleDraft[]) : []);
const clausesOf = (rule: RuleDraft): ClauseDraft[] =>
  Array.isArray(rule.group?.clauses) ? rule.group.clauses : [];

export function ConditionRulesField(props: FieldProps) {
  const { formData, fieldPathId, errorSchema, disabled, readonly, onChange } = props;
  const rules = asRules(formData);
  const base = fieldPathId.$id;
  const locked = Boolean(disabled || readonly);
  const emit = (next: RuleDraft[]) => onChange(next, fieldPathId.path);
  const setRule = (index: number, rule: RuleDraft) => emit(replaceItem(rules, index, rule));
  const setClauses = (index: number, rule: RuleDraft, clauses: ClauseDraft[]) =>
    setRule(index, { ...rule, group: { ...rule.group, clauses } });

  return (
    <fieldset className="condition-rules" id={base}>
      <legend className="condition-rules-title">Rules</legend>
      <p className="condition-rules-hint">
        Checked in order; the first rule that matches picks its exit, else the lead takes “else”.
      </p>
      <ol className="condition-rule-list">
        {rules.map((rule, index) => {
          const ruleId = `${base}_${index}`;
          const ruleErrors = child(errorSchema, index);
          const generalErrors = [
            ...own(ruleErrors),
            ...allUnder(child(ruleErrors, 'group', 'mode')),
            ...own(child(ruleErrors, 'group')),
            ...own(child(ruleErrors, 'group', 'clauses')),
          ];
          const idErrors = allUnder(child(ruleErrors, 'id'));
          const labelErrors = allUnder(child(ruleErrors, 'label'));
          const clauses = clausesOf(rule);
          const mode = rule.group?.mode ?? 'all';
          const ruleName = `rule ${index + 1}`;
          const titleId = `${ruleId}__title`;
          return (
            <li key={index} className="condition-rule" aria-labelledby={titleId}>
              <div className="condition-rule-head">
                <h3 className="condition-rule-title" id={titleId}>
                  Rule {index + 1}
                </h3>
                {!locked && (
                  <div className="condition-rule-actions">
                    <button
                      type="button"
                      className="button button-quiet condition-icon-button"
                      aria-label={`Move rule ${index + 1} up`}
                      disabled={index === 0}
                      onClick={() => emit(moveItem(rules, index, index - 1))}
                    >
                      ↑
                    </button>
                    <button
                      type="button"
                      className="button button-quiet condition-icon-button"
                      aria-label={`Move rule ${index + 1} down`}
                      disabled={index === rules.length - 1}
                      onClick={() => emit(moveItem(rules, index, index + 1))}
                    >
                      ↓
                    </button>
                    <button
                      type="button"
                      className="button button-quiet condition-icon-button"
                      aria-label={`Remove rule ${index + 1}`}
                      disabled={rules.length === 1}
                      onClick={() => emit(removeItem(rules, index))}
                    >
                      ×
                    </button>
                  </div>
                )}
              </div>
              <div className="condition-rule-names">
                <TextInput
                  id={`${ruleId}_label`}
                  label="Label"
                  value={rule.label}
                  errors={labelErrors}
                  disabled={locked}
                  onChange={(label) => setRule(index, { ...rule, label })}
                />
                <TextInput
                  id={`${ruleId}_id`}
                  label="Exit handle"
                  value={rule.id}
                  errors={idErrors}
                  disabled={locked}
                  hint="Edges leave from it; renaming it disconnects them."
                  onChange={(id) => setRule(index, { ...rule, id })}
                />
              </div>
              <fieldset className="condition-mode">
                <legend className="condition-mode-title">Match</legend>
                {(['all', 'any'] as const).map((choice) => (
                  <label key={choice} className="condition-mode-option">
                    <input
                      type="radio"
                      name={`${ruleId}_mode`}
                      value={choice}
                      checked={mode === choice}
                      disabled={locked}
                      onChange={() =>
                        setRule(index, { ...rule, group: { ...rule.group, mode: choice } })
                      }
                    />
                    {choice === 'all' ? 'all clauses' : 'any clause'}
                  </label>
                ))}
              </fieldset>
              <ol className="condition-clause-list" aria-label={`Clauses of rule ${index + 1}`}>
                {clauses.map((clause, at) => {
                  const clauseId = `${ruleId}_group_clauses_${at}`;
                  const errors = clauseErrors(child(ruleErrors, 'group', 'clauses', at));
                  const name = `clause ${at + 1} of ${ruleName}`;
                  return (
                    <li
                      key={at}
                      className={`condition-clause${errors.messages.length > 0 ? ' has-error' : ''}`}
                      data-clause={`${index}.${at}`}
                      aria-label={`Clause ${at + 1}`}
                    >
                      {at > 0 && (
                        <span className="condition-clause-joiner" aria-hidden="true">
                          {mode === 'any' ? 'or' : 'and'}
                        </span>
                      )}
                      <ClauseRow
                        id={clauseId}
                        name={name}
                        clause={clause}
                        errors={errors}
                        disabled={locked}
                        onChange={(next) => setClauses(index, rule, replaceItem(clauses, at, next))}
                      />
                      {!locked && (
                        <div className="condition-clause-actions">
                          <button
                            type="button"
                            className="button button-quiet condition-icon-button"
                            aria-label={`Move ${name} up`}
                            disabled={at === 0}
                            onClick={() => setClauses(index, rule, moveItem(clauses, at, at - 1))}
                          >
                            ↑
                          </button>
                          <button
                            type="button"
                            className="button button-quiet condition-icon-button"
                            aria-label={`Move ${name} down`}
                            disabled={at === clauses.length - 1}
                            onClick={() => setClauses(index, rule, moveItem(clauses, at, at + 1))}
                          >
                            ↓
                          </button>
                          <button
                            type="button"
                            className="button button-quiet condition-icon-button"
                            aria-label={`Remove ${name}`}
                            disabled={clauses.length === 1}
                            onClick={() => setClauses(index, rule, removeItem(clauses, at))}
                          >
                            ×
                          </button>
                        </div>
                      )}
                      {errors.messages.length > 0 && (
                        <ul className="error-detail" id={`${clauseId}__errors`}>
                          {errors.messages.map((m, i) => (
                            <li key={i}>{m}</li>
                          ))}
                        </ul>
                      )}
                    </li>
                  );
                })}
              </ol>
              {!locked && (
                <button
                  type="button"
                  className="button condition-add"
                  onClick={() => setClauses(index, rule, [...clauses, newClause()])}
                >
                  Add a clause to rule {index + 1}
                </button>
              )}
              {generalErrors.length > 0 && (
                <ul className="error-detail">
                  {generalErrors.map((m, i) => (
                    <li key={i}>{m}</li>
                  ))}
                </ul>
              )}
              <p className="condition-rule-sentence">{ruleSentence(rule)}</p>
            </li>
          );
        })}
      </ol>
      {!locked && (
        <button
          type="button"
          className="button condition-add"
          onClick={() => emit([...rules, newRule(rules)])}
        >
          Add a rule
        </button>
      )}
    </fieldset>
  );
}

interface TextInputProps {
  id: string;
  label: string;
  value: string;
  errors: string[];
  disabled: boolean;
  hint?: string;
  onChange(value: string): void;
}

function TextInput({ id, label, value, errors, disabled, hint, onChange }: TextInputProps) {
  const described = [hint ? `${id}__hint` : '', errors.length > 0 ? `${id}__errors` : '']
    .filter(Boolean)
    .join(' ');
  return (
    <div className={`condition-text${errors.length > 0 ? ' has-error' : ''}`}>
      <label className="condition-text-label" htmlFor={id}>
        {label}
      </label>
      <input
        id={id}
        type="text"
        value={value}
        disabled={disabled}
        aria-invalid={errors.length > 0 ? true : undefined}
        aria-describedby={described || undefined}
        onChange={(e) => onChange(e.target.value)}
      />
      {hint && (
        <p className="condition-text-hint" id={`${id}__hint`}>
          {hint}
        </p>
      )}
      {errors.length > 0 && (
        <ul className="error-detail" id={`${id}__errors`}>
          {errors.map((m, i) => (
            <li key={i}>{m}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
