import type { ConditionOperator } from '@baton/flow';
import { factKind, operatorsFor, type FactKind } from './condition-fields';

// The pure half of the rule builder: how a clause's value changes when its operator or field
// does, how typed text becomes a value, and the list moves. The shapes are the condition node's
// config as stored, so what is not edited stays exactly as it was.

export interface ClauseDraft {
  field: string;
  op: ConditionOperator;
  value?: unknown;
}
export interface GroupDraft {
  mode?: 'all' | 'any';
  clauses: ClauseDraft[];
}
export interface RuleDraft {
  id: string;
  label: string;
  group: GroupDraft;
}

/** The operator select offers "is missing" as its own choice: `exists` with value false. */
export type OperatorChoice = ConditionOperator | 'missing';

export const operatorWords: Record<OperatorChoice, string> = {
  eq: 'is',
  neq: 'is not',
  contains: 'contains',
  matches: 'matches the pattern',
  in: 'is one of',
  gt: 'is more than',
  gte: 'is at least',
  lt: 'is less than',
  lte: 'is at most',
  between: 'is between',
  exists: 'is present',
  missing: 'is missing',
};

const ORDERED: ReadonlySet<ConditionOperator> = new Set(['gt', 'gte', 'lt', 'lte', 'between']);

export function operatorChoice(clause: ClauseDraft): OperatorChoice {
  return clause.op === 'exists' && clause.value === false ? 'missing' : clause.op;
}

/** The choices for a clause: those that fit its field, plus its own if it has another. */
export function operatorChoicesFor(clause: ClauseDraft): OperatorChoice[] {
  const fitting: OperatorChoice[] = operatorsFor(clause.field).flatMap((op) =>
    op === 'exists' ? ['exists', 'missing'] : [op],
  );
  const own = operatorChoice(clause);
  return fitting.includes(own) ? fitting : [own, ...fitting];
}

const NUMERIC = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)$/;

/** Typed text as a value: a number for numeric fields (and ordered tests of custom fields). */
export function parseScalar(raw: string, kind: FactKind | 'any', op: ConditionOperator): unknown {
  const numeric = kind === 'number' || (kind === 'any' && ORDERED.has(op));
  if (numeric && NUMERIC.test(raw.trim())) return Number(raw.trim());
  if (kind === 'boolean' && (raw === 'true' || raw === 'false')) return raw === 'true';
  return raw;
}

/** A value as an input shows it. */
export function valueText(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}

const firstOf = (value: unknown): unknown => (Array.isArray(value) ? value[0] : value);
const usable = (value: unknown): boolean =>
  value !== undefined && value !== null && value !== '' && typeof value !== 'boolean';

/** The clause with another operator; the value is carried over where it still makes sense. */
export function withOperator(clause: ClauseDraft, choice: OperatorChoice): ClauseDraft {
  const { field } = clause;
  if (choice === 'exists' || choice === 'missing')
    return { field, op: 'exists', value: choice === 'exists' };
  const previous = clause.op === 'exists' ? undefined : clause.value;
  if (choice === 'between') {
    if (Array.isArray(previous) && previous.length === 2)
      return { field, op: choice, value: previous };
    const low = firstOf(previous);
    return { field, op: choice, value: usable(low) ? [low, ''] : ['', ''] };
  }
  if (choice === 'in') {
    if (Array.isArray(previous)) return { field, op: choice, value: previous };
    return { field, op: choice, value: usable(previous) ? [previous] : [] };
  }
  const single = firstOf(previous);
  if (factKind(field) === 'boolean' && (choice === 'eq' || choice === 'neq'))
    return { field, op: choice, value: typeof single === 'boolean' ? single : true };
  return { field, op: choice, value: usable(single) ? single : '' };
}

/** The clause on another field; an operator that no longer fits becomes the field's first. */
export function withField(clause: ClauseDraft, field: string): ClauseDraft {
  const moved = { ...clause, field };
  const fits = operatorsFor(field).includes(clause.op);
  if (fits && factKind(field) !== 'boolean') return moved;
  const first = operatorsFor(field)[0] ?? 'eq';
  return withOperator(moved, fits ? clause.op : first);
}

/** A rule id (an exit handle) not yet used: rule-1, rule-2, … */
export function freshRuleId(rules: readonly RuleDraft[]): string {
  const taken = new Set(rules.map((r) => r.id));
  let n = rules.length + 1;
  while (taken.has(`rule-${n}`)) n++;
  return `rule-${n}`;
}

export function newRule(rules: readonly RuleDraft[]): RuleDraft {
  return {
    id: freshRuleId(rules),
    label: `Rule ${rules.length + 1}`,
    group: { mode: 'all', clauses: [newClause()] },
  };
}

export function newClause(): ClauseDraft {
  return { field: 'lead.email', op: 'exists', value: true };
}

/** The list with item `from` moved to `to` (both in range). */
export function moveItem<T>(items: readonly T[], from: number, to: number): T[] {
  const next = [...items];
  const [item] = next.splice(from, 1);
  if (item !== undefined) next.splice(to, 0, item);
  return next;
}

export function replaceItem<T>(items: readonly T[], index: number, item: T): T[] {
  return items.map((existing, i) => (i === index ? item : existing));
}

export function removeItem<T>(items: readonly T[], index: number): T[] {
  return items.filter((_, i) => i !== index);
}
