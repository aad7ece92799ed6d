import type { ConditionOperator } from './condition.schema';
import type { ClauseTrace } from './evaluate-condition';

const phrases: Record<ConditionOperator, string> = {
  eq: 'is',
  neq: 'is not',
  contains: 'contains',
  in: 'is one of',
  gt: 'is more than',
  gte: 'is at least',
  lt: 'is less than',
  lte: 'is at most',
  between: 'is between',
  exists: 'is present',
  matches: 'matches',
};

/** A value as a person would write it in a sentence. */
export function formatValue(value: unknown): string {
  if (value === undefined) return 'missing';
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map(formatValue).join(', ');
  return JSON.stringify(value) ?? String(value);
}

/** What a clause tests, before any lead is seen: e.g. `qualification.score is at least 70`. */
export function describeClauseTest(clause: {
  field: string;
  op: ConditionOperator;
  value: unknown;
}): string {
  if (clause.op === 'exists')
    return `${clause.field} ${clause.value === false ? 'is missing' : 'is present'}`;
  if (clause.op === 'between' && Array.isArray(clause.value)) {
    const [low, high] = clause.value as unknown[];
    return `${clause.field} is between ${formatValue(low)} and ${formatValue(high)}`;
  }
  return `${clause.field} ${phrases[clause.op]} ${formatValue(clause.value)}`;
}

/** e.g. `qualification.score is at least 70 (it is 82)`. */
export function describeClause(trace: ClauseTrace): string {
  const actual = `(it is ${formatValue(trace.actual)})`;
  if (trace.op === 'exists') {
    return `${trace.field} ${trace.expected === false ? 'is missing' : 'is present'} ${actual}`;
  }
  if (trace.op === 'between' && Array.isArray(trace.expected)) {
    const [low, high] = trace.expected as unknown[];
    return `${trace.field} is between ${formatValue(low)} and ${formatValue(high)} ${actual}`;
  }
  const error = trace.error ? ` [${trace.error}]` : '';
  return `${trace.field} ${phrases[trace.op]} ${formatValue(trace.expected)} ${actual}${error}`;
}
