import type { QualifyInput } from '../src/qualify-input';

/** A plain lead with nothing remarkable about it; tests override what they are about. */
export function makeQualifyInput(partial: Partial<QualifyInput> = {}): QualifyInput {
  return { name: 'Sam Carter', customFields: {}, context: {}, ...partial };
}
