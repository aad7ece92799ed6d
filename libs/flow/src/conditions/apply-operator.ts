import { compilePattern } from './compile-pattern';
import type { ConditionClause } from './condition.schema';
import { compareOrdered, containsText, isPresent, looseEquals, toText } from './coerce-value';

export interface OperatorResult {
  result: boolean;
  /** Set when the clause could not be evaluated (e.g. an invalid pattern); the result is then false. */
  error?: string;
}

const ok = (result: boolean): OperatorResult => ({ result });

/** Applies one clause's operator to the value found at its field. Never throws. */
export function applyOperator(clause: ConditionClause, actual: unknown): OperatorResult {
  switch (clause.op) {
    case 'eq':
      return ok(looseEquals(actual, clause.value));
    case 'neq':
      // The exact negation of eq, so a missing field "is not" anything but null.
      return ok(!looseEquals(actual, clause.value));
    case 'contains': {
      if (Array.isArray(actual)) return ok(actual.some((item) => looseEquals(item, clause.value)));
      const text = toText(actual);
      return ok(text !== undefined && containsText(text, clause.value));
    }
    case 'in': {
      const candidates = Array.isArray(actual) ? actual : [actual];
      return ok(
        candidates.some((item) => clause.value.some((option) => looseEquals(item, option))),
      );
    }
    case 'gt':
    case 'gte':
    case 'lt':
    case 'lte': {
      const order = compareOrdered(actual, clause.value);
      if (order === undefined) return ok(false);
      const byOp = { gt: order > 0, gte: order >= 0, lt: order < 0, lte: order <= 0 };
      return ok(byOp[clause.op]);
    }
    case 'between': {
      const [low, high] = clause.value;
      const fromLow = compareOrdered(actual, low);
      const toHigh = compareOrdered(actual, high);
      return ok(fromLow !== undefined && toHigh !== undefined && fromLow >= 0 && toHigh <= 0);
    }
    case 'exists':
      return ok(isPresent(actual) === clause.value);
    case 'matches': {
      const compiled = compilePattern(clause.value);
      if (!compiled.ok) return { result: false, error: compiled.message };
      const text = toText(actual);
      return ok(text !== undefined && compiled.regex.test(text));
    }
  }
}
