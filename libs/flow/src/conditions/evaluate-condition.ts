import { applyOperator } from './apply-operator';
import type { ConditionGroup, ConditionOperator } from './condition.schema';
import { readFact, type Facts } from './facts';

export interface ClauseTrace {
  field: string;
  op: ConditionOperator;
  expected: unknown;
  actual: unknown;
  result: boolean;
  error?: string;
}

export interface ConditionEvaluation {
  matched: boolean;
  clauses: ClauseTrace[];
}

/**
 * Evaluates an all/any group against the facts. Every clause is evaluated (no short cut) so the
 * trace explains the whole decision, not just the clause that settled it.
 */
export function evaluateCondition(group: ConditionGroup, facts: Facts): ConditionEvaluation {
  const clauses = group.clauses.map((clause): ClauseTrace => {
    const actual = readFact(facts, clause.field);
    const { result, error } = applyOperator(clause, actual);
    return {
      field: clause.field,
      op: clause.op,
      expected: clause.value,
      actual,
      result,
      ...(error === undefined ? {} : { error }),
    };
  });
  const matched =
    group.mode === 'any' ? clauses.some((c) => c.result) : clauses.every((c) => c.result);
  return { matched, clauses };
}
