import type { QualificationUrgency } from '../qualification.schema';
import { findTerms } from './signal';
import { multilingualUrgencyTerms } from './service-terms';
import { highUrgencyTerms, mediumUrgencyTerms } from './term-lists';

export interface UrgencyFinding {
  urgency: QualificationUrgency;
  terms: string[];
}

export function detectUrgency(text: string): UrgencyFinding {
  const high = [...findTerms(text, highUrgencyTerms), ...findTerms(text, multilingualUrgencyTerms)];
  if (high.length > 0) return { urgency: 'high', terms: high };
  const medium = findTerms(text, mediumUrgencyTerms);
  if (medium.length > 0) return { urgency: 'medium', terms: medium };
  return { urgency: 'low', terms: [] };
}
