import { leadEventTypes } from '@baton/api-contract';
import { summarizeEvent } from './event-summary';

describe('summarizeEvent', () => {
  it.each(leadEventTypes)('has a non-empty sentence for %s', (type) => {
    expect(summarizeEvent(type, {}, null).length).toBeGreaterThan(5);
  });

  it.each([
    ['qualified', { score: 82, intent: 'buying' }, null, 'Qualified: score 82, buying'],
    [
      'qualified',
      {
        score: 40,
        intent: 'other',
        fallbackReason: 'model down: heuristic used – no model is configured',
      },
      null,
      'Qualified: score 40, other (model down: heuristic used – no model is configured)',
    ],
    [
      'assigned',
      { ownerName: 'Grace Hopper', reason: 'round robin' },
      null,
      'Assigned to Grace Hopper (round robin)',
    ],
    ['contacted', {}, 'Grace Hopper', 'Contacted by Grace Hopper'],
    [
      'acknowledged',
      { via: 'claim', secondsAfterReceived: 135 },
      'Sam',
      'Acknowledged by Sam · 2 min after it arrived',
    ],
    ['acknowledged', {}, null, 'Acknowledged by a rep'],
    ['note', { text: 'Call back Tuesday' }, 'Ada', 'Ada noted: Call back Tuesday'],
    [
      'qualification_corrected',
      { class: 'hot', previousClass: 'cold', note: 'Asked for a quote' },
      'Dana',
      'Corrected to hot by Dana: Asked for a quote',
    ],
    ['qualification_corrected', { class: 'spam', note: null }, 'Dana', 'Corrected to spam by Dana'],
  ] as const)('summarises %s with its data', (type, data, actor, expected) => {
    expect(summarizeEvent(type, data, actor)).toBe(expected);
  });
});
