import type { ModelQualification } from '../src/qualification.schema';

/** What a well-behaved model answers for a strong buying lead. */
export const goodModelAnswer: ModelQualification = {
  score: 88,
  intent: 'buying',
  urgency: 'high',
  budget: 'stated',
  spam: false,
  summary: 'Acme wants a quote for 40 seats this week with a $20k budget.',
  reasons: ['asks for a quote', '40 seats', 'budget of $20k', 'needs it this week'],
};
