import { REASON_MAX_LENGTH, REASONS_MAX_COUNT, type Qualification } from '../qualification.schema';
import { DEFAULT_BUSINESS_PROFILE } from '../business-profile';
import type { Qualifier, QualifyOverrides } from '../qualifier';
import type { QualifyInput } from '../qualify-input';
import { detectBudget, detectVolume } from './budget-signals';
import { contactSignals } from './contact-signals';
import { contextSignals } from './context-signals';
import { describeInjection, detectInjection } from './injection-signals';
import { detectIntent } from './intent-signals';
import { leadText } from './lead-text';
import { messageSignals } from './message-signals';
import { findTerms, listTerms, type Signal } from './signal';
import { notNowTerms } from './term-lists';
import { serviceSignals } from './service-signals';
import { detectSpam } from './spam-signals';
import { summarizeLead } from './summarize-lead';
import { detectUrgency } from './urgency-signals';
import { clipText } from '@baton/text';

// Text that tries to instruct the model is never hot on the heuristic's word either.
export const INJECTION_SCORE_CAP = 60;
// Hot means "call back now": without urgency, an emergency or a commitment a lead stays warm.
export const NOT_NOW_SCORE_CAP = 65;
// Everyone starts here; the signals move the score up or down from it.
const BASE_SCORE = 15;
// Leads that are not sales leads never outrank one that is, whatever else they say.
const SPAM_SCORE_CAP = 5;
const NON_SALES_SCORE_CAP = { job: 10, support: 20 } as const;

const clamp = (n: number) => Math.max(0, Math.min(100, Math.round(n)));
const signed = (n: number) => (n > 0 ? `+${n}` : String(n));
const fitReasons = (lines: string[]) =>
  lines.slice(0, REASONS_MAX_COUNT).map((line) => clipText(line, REASON_MAX_LENGTH));

/**
 * Deterministic, explainable scoring with no I/O: the answer when the model is down or slow,
 * and a baseline to compare the model with. Every point comes from a named signal, and the
 * strongest signals are the reasons.
 */
export function qualifyByHeuristics(
  input: QualifyInput,
  overrides?: Pick<QualifyOverrides, 'profile'>,
): Qualification {
  const profile = overrides?.profile ?? DEFAULT_BUSINESS_PROFILE;
  const text = leadText(input);
  const injection = detectInjection([input.name, input.company ?? '', text].join('\n'));
  const spam = detectSpam(input, injection.suspected);
  const budget = detectBudget(input, text);
  const volume = detectVolume(input, text);
  const timing = detectUrgency(text);
  const service = serviceSignals(text, profile, timing.urgency === 'high');
  // An emergency is as urgent as it gets, whatever words of time it uses.
  const urgency =
    service.emergency.length > 0 && timing.urgency !== 'high'
      ? { urgency: 'high' as const, terms: service.emergency }
      : timing;
  const intent = detectIntent(text, budget.budget === 'stated' || volume !== undefined, {
    faultsAreSupport: profile === 'b2b',
    wantsService: service.wantsService,
  });

  const signals: Signal[] = [
    ...intent.signals,
    ...(budget.budget === 'stated'
      ? [{ points: 15, reason: `budget stated (${budget.evidence})` }]
      : []),
    ...(budget.budget === 'none' ? [{ points: -10, reason: budget.evidence ?? 'no budget' }] : []),
    ...(volume ? [{ points: 10, reason: `volume mentioned (${volume})` }] : []),
    ...(timing.urgency === 'high'
      ? [{ points: 10, reason: `urgent: ${listTerms(timing.terms)}` }]
      : []),
    ...(timing.urgency === 'medium'
      ? [{ points: 5, reason: `timeline: ${listTerms(timing.terms)}` }]
      : []),
    ...service.signals,
    ...contactSignals(input, profile),
    ...contextSignals(input),
    ...messageSignals(input),
  ];
  const total = clamp(BASE_SCORE + signals.reduce((sum, s) => sum + s.points, 0));

  if (spam.spam) {
    // The buying words a pitch uses to look legitimate are not reasons worth showing.
    return {
      score: Math.min(total, SPAM_SCORE_CAP),
      intent: 'spam',
      urgency: 'low',
      budget: 'unknown',
      spam: true,
      summary: summarizeLead(input, 'spam'),
      reasons: fitReasons([
        `looks like spam, score capped at ${SPAM_SCORE_CAP}`,
        ...spam.evidence.map((e) => e.reason),
      ]),
      method: 'heuristic',
    };
  }

  const notNow = findTerms(text, notNowTerms);
  // A deposit or a signature outweighs "next year": the date is far, the decision is made.
  const now = service.committed.length > 0 || (notNow.length === 0 && urgency.urgency === 'high');
  const cap = Math.min(
    now ? 100 : NOT_NOW_SCORE_CAP,
    intent.intent === 'job' || intent.intent === 'support'
      ? NON_SALES_SCORE_CAP[intent.intent]
      : 100,
    injection.suspected ? INJECTION_SCORE_CAP : 100,
  );
  const verdict = [
    ...(notNow.length > 0
      ? [`can wait (${listTerms(notNow)}): score capped at ${NOT_NOW_SCORE_CAP}`]
      : []),
    ...(injection.suspected ? [`${describeInjection(injection)}: score capped at ${cap}`] : []),
    ...(intent.verdict ? [`${intent.verdict}: not a sales lead, score capped at ${cap}`] : []),
  ];
  const scored = signals
    .filter((s) => s.points !== 0)
    .sort((a, b) => Math.abs(b.points) - Math.abs(a.points))
    .map((s) => `${s.reason} (${signed(s.points)})`);

  return {
    score: Math.min(total, cap),
    intent: intent.intent,
    urgency: urgency.urgency,
    budget: budget.budget,
    spam: false,
    summary: summarizeLead(input, intent.intent),
    reasons: fitReasons([...verdict, ...scored]),
    method: 'heuristic',
  };
}

export const heuristicQualifier: Qualifier = {
  qualify: (input, overrides) => Promise.resolve(qualifyByHeuristics(input, overrides)),
};
