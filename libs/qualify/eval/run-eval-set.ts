import { classOfQualification, type QualificationClass } from '@baton/api-contract';
import type { BusinessProfile } from '../src/business-profile';
import type { Qualifier } from '../src/qualifier';
import type { QualifyInput } from '../src/qualify-input';
import type { EvalOutcome } from './measure-eval';

/** A lead to score, its label, and the business it was sent to. */
export interface LabelledLead {
  id: string;
  profile: BusinessProfile;
  label: QualificationClass;
  injection: boolean;
  input: QualifyInput;
}

export interface RunOptions {
  /** Scores every lead as this business instead of its own profile. */
  profile?: BusinessProfile;
  model?: string;
  timeoutMs?: number;
  /** Called after each lead, for progress on long model runs. */
  onOutcome?: (outcome: EvalOutcome | { id: string; error: string }, done: number) => void;
}

/**
 * Scores the leads one at a time (a local model is measured without queueing) and keeps the
 * leads the qualifier could not score apart, so an outage never reads as a wrong answer.
 */
export async function runEvalSet(
  qualifier: Qualifier,
  leads: readonly LabelledLead[],
  options: RunOptions = {},
): Promise<{ outcomes: EvalOutcome[]; errors: { id: string; error: string }[] }> {
  const outcomes: EvalOutcome[] = [];
  const errors: { id: string; error: string }[] = [];
  for (const lead of leads) {
    const profile = options.profile ?? lead.profile;
    const started = performance.now();
    try {
      const q = await qualifier.qualify(lead.input, {
        profile,
        ...(options.model ? { model: options.model } : {}),
        ...(options.timeoutMs ? { timeoutMs: options.timeoutMs } : {}),
      });
      const outcome: EvalOutcome = {
        id: lead.id,
        profile,
        label: lead.label,
        injection: lead.injection,
        predicted: classOfQualification(q) ?? 'cold',
        score: q.score,
        method: q.method,
        latencyMs: performance.now() - started,
      };
      outcomes.push(outcome);
      options.onOutcome?.(outcome, outcomes.length + errors.length);
    } catch (error) {
      const failed = { id: lead.id, error: error instanceof Error ? error.message : String(error) };
      errors.push(failed);
      options.onOutcome?.(failed, outcomes.length + errors.length);
    }
  }
  return { outcomes, errors };
}
