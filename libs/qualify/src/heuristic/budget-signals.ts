import type { QualificationBudget } from '../qualification.schema';
import type { QualifyInput } from '../qualify-input';
import { findTerms } from './signal';
import { noBudgetTerms } from './term-lists';
import { clipText } from '@baton/text';

export interface BudgetFinding {
  budget: QualificationBudget;
  /** What was found, e.g. "$20k", for the reason line. */
  evidence?: string;
}

const MONEY = String.raw`(?:[$€£]\s?\d[\d,.]*(?:\s?(?:k|m|mm|thousand|million))?|\d[\d,.]*\s?(?:k|m)?\s?(?:usd|eur|gbp|dollars|euros|pounds))(?![\p{L}\p{N}])`;
const money = new RegExp(MONEY, 'iu');
// "budget is around 15000", "budget: 20k" – a figure near the word budget, currency or not.
const budgetFigure = /\bbudget\b[^.\n\d]{0,30}(\d[\d,.]*\s?(?:k|m)?)(?![\p{L}\p{N}])/iu;
const emptyAnswer = /^(?:none|no|0|n\/a|-|nothing)$/i;

export function detectBudget(input: QualifyInput, text: string): BudgetFinding {
  if (findTerms(text, noBudgetTerms).length > 0)
    return { budget: 'none', evidence: 'says there is no budget' };
  for (const [key, value] of Object.entries(input.customFields)) {
    if (!/budget/i.test(key) || value === null || value === '') continue;
    const answer = String(value).trim();
    if (emptyAnswer.test(answer)) return { budget: 'none', evidence: `${key}: ${answer}` };
    return { budget: 'stated', evidence: clipText(answer, 40) };
  }
  const amount = text.match(money)?.[0] ?? text.match(budgetFigure)?.[1];
  return amount ? { budget: 'stated', evidence: amount.trim() } : { budget: 'unknown' };
}

const VOLUME =
  /(?<![\p{L}\p{N}])(\d[\d,]*)\s?(seats?|users?|licen[cs]es?|employees|agents|reps|locations|sites|stores|units|devices|people|staff|members)(?![\p{L}\p{N}])/iu;
const volumeField = /seats|users|licen[cs]es|employees|headcount|team.?size|company.?size/i;

/** A stated quantity ("40 seats", custom field seats = 40): someone has sized the purchase. */
export function detectVolume(input: QualifyInput, text: string): string | undefined {
  const inText = text.match(VOLUME);
  if (inText) return `${inText[1]} ${inText[2]?.toLowerCase()}`;
  for (const [key, value] of Object.entries(input.customFields)) {
    if (
      volumeField.test(key) &&
      (typeof value === 'number' ? value > 0 : /\d/.test(String(value ?? '')))
    ) {
      return `${key}: ${String(value)}`;
    }
  }
  return undefined;
}
