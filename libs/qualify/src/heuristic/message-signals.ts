import type { QualifyInput } from '../qualify-input';
import { wordsOf } from './lead-text';
import type { Signal } from './signal';

/** Specific, longer messages come from people who mean it; empty ones rarely convert. */
export function messageSignals(input: QualifyInput): Signal[] {
  const words = wordsOf(input.message ?? '').length;
  if (words === 0) return [{ points: -10, reason: 'no message' }];
  if (words < 4) return [{ points: -5, reason: `very short message (${words} words)` }];
  if (words >= 25) return [{ points: 10, reason: `detailed message (${words} words)` }];
  if (words >= 10) return [{ points: 5, reason: `specific message (${words} words)` }];
  return [];
}
