import type { BusinessProfile } from '../business-profile';
import { findTerms, listTerms, type Signal } from './signal';
import { commitmentTerms } from './term-lists';
import {
  bookingTerms,
  emergencyTerms,
  notBuyingTerms,
  serviceNeedTerms,
  vulnerablePeopleTerms,
} from './service-terms';

export interface ServiceFinding {
  signals: Signal[];
  /** The lead names the service or asks for a visit: a purchase, in a service business. */
  wantsService: boolean;
  /** Said they will sign, pay, book or are pre-approved. */
  committed: string[];
  emergency: string[];
}

/**
 * What a service business hears from a customer who needs it: the trade's own problem
 * ("burst pipe", "toothache"), a visit or appointment, and how bad it is right now. A B2B
 * software company's buyers say none of this, so its scoring is left as it was.
 */
export function serviceSignals(
  text: string,
  profile: BusinessProfile,
  nearTerm: boolean,
): ServiceFinding {
  const signals: Signal[] = [];
  const notBuying = findTerms(text, notBuyingTerms);
  if (notBuying.length > 0)
    signals.push({ points: -20, reason: `not buying now: ${listTerms(notBuying)}` });
  const committed = findTerms(text, commitmentTerms);
  if (committed.length > 0)
    signals.push({ points: 20, reason: `ready to commit: ${listTerms(committed)}` });
  if (profile === 'b2b') return { signals, wantsService: false, emergency: [], committed };

  const needMatcher = serviceNeedTerms[profile];
  const need = needMatcher ? findTerms(text, needMatcher) : [];
  const booking = findTerms(text, bookingTerms);
  const emergency = findTerms(text, emergencyTerms);
  const vulnerable = findTerms(text, vulnerablePeopleTerms);

  if (need.length > 0)
    signals.push({ points: 20, reason: `needs the service: ${listTerms(need)}` });
  if (booking.length > 0)
    signals.push({ points: 10, reason: `asks for a visit or appointment: ${listTerms(booking)}` });
  if (emergency.length > 0)
    signals.push({ points: 25, reason: `emergency: ${listTerms(emergency)}` });
  const wantsService = need.length > 0 || booking.length > 0 || emergency.length > 0;
  if (wantsService && nearTerm && emergency.length === 0)
    signals.push({ points: 15, reason: 'wants it done now' });
  if (vulnerable.length > 0 && (emergency.length > 0 || nearTerm))
    signals.push({ points: 10, reason: `someone at risk: ${listTerms(vulnerable)}` });
  return { signals, wantsService, emergency, committed };
}
