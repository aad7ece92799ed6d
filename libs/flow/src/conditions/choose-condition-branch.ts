import type { ConditionConfig } from '../nodes/condition/condition.node';
import { describeClause } from './describe-clause';
import { evaluateCondition, type ClauseTrace } from './evaluate-condition';
import type { Facts } from './facts';

export const ELSE_HANDLE = 'else';

export interface RuleEvaluation {
  ruleId: string;
  label: string;
  matched: boolean;
  clauses: ClauseTrace[];
}

export interface ConditionBranch {
  /** The rule's id (its handle), or 'else'. */
  handle: string;
  ruleId?: string;
  explanation: string;
  /** Rules in order up to and including the one that matched. */
  rules: RuleEvaluation[];
}

const joinClauses = (rule: RuleEvaluation, mode: 'all' | 'any', onlyMatching: boolean): string =>
  rule.clauses
    .filter((c) => !onlyMatching || c.result)
    .map(describeClause)
    .join(mode === 'all' ? ' and ' : ' or ');

/** Takes the first rule, in order, whose group matches; 'else' when none does. */
export function chooseConditionBranch(config: ConditionConfig, facts: Facts): ConditionBranch {
  const rules: RuleEvaluation[] = [];
  for (const rule of config.rules) {
    const { matched, clauses } = evaluateCondition(rule.group, facts);
    const evaluation = { ruleId: rule.id, label: rule.label, matched, clauses };
    rules.push(evaluation);
    if (matched) {
      return {
        handle: rule.id,
        ruleId: rule.id,
        explanation: `Rule "${rule.label}" matched: ${joinClauses(evaluation, rule.group.mode, rule.group.mode === 'any')}.`,
        rules,
      };
    }
  }
  const misses = rules.map(
    (r, i) => `"${r.label}" (${joinClauses(r, config.rules[i]?.group.mode ?? 'all', false)})`,
  );
  return {
    handle: ELSE_HANDLE,
    explanation: `No rule matched, so the lead took "else": ${misses.join('; ')}.`,
    rules,
  };
}
