import type { QualificationIntent } from '../qualification.schema';
import { findTerms, listTerms, type Signal } from './signal';
import {
  buyingTerms,
  jobTerms,
  productFaultTerms,
  researchTerms,
  supportTerms,
} from './term-lists';

export interface IntentFinding {
  intent: Exclude<QualificationIntent, 'spam'>;
  signals: Signal[];
  /** Why a lead is not a sales lead at all (job seeker, support request). */
  verdict?: string;
}

/**
 * Job seekers and support requests win over a single stray buying word ("my licence is
 * broken"), because routing them to sales wastes a rep's time; two or more of their words win
 * outright. `sized` = a budget or a quantity was stated, which reads as buying on its own.
 */
export function detectIntent(
  text: string,
  sized: boolean,
  options: { faultsAreSupport: boolean; wantsService: boolean } = {
    faultsAreSupport: true,
    wantsService: false,
  },
): IntentFinding {
  const buying = findTerms(text, buyingTerms);
  const job = findTerms(text, jobTerms);
  // Something broken is a support ticket for a software vendor and the job itself for a trade.
  const support = [
    ...findTerms(text, supportTerms),
    ...(options.faultsAreSupport ? findTerms(text, productFaultTerms) : []),
  ];
  const research = findTerms(text, researchTerms);

  if (job.length > 0 && ((buying.length === 0 && !options.wantsService) || job.length >= 2)) {
    return { intent: 'job', signals: [], verdict: `job seeker (${listTerms(job)})` };
  }
  if (
    support.length > 0 &&
    ((buying.length === 0 && !options.wantsService) || support.length >= 2)
  ) {
    return { intent: 'support', signals: [], verdict: `support request (${listTerms(support)})` };
  }
  const signals: Signal[] = [];
  if (buying.length > 0) signals.push({ points: 15, reason: `buying words: ${listTerms(buying)}` });
  if (research.length > 0)
    signals.push({ points: 10, reason: `researching words: ${listTerms(research)}` });
  if (buying.length > 0 || sized || options.wantsService) return { intent: 'buying', signals };
  if (research.length > 0 || text.includes('?')) {
    if (research.length === 0) signals.push({ points: 5, reason: 'asks a question' });
    return { intent: 'researching', signals };
  }
  return { intent: 'other', signals };
}
