import type { LeadStatus } from '@baton/api-contract';
import { agingTone, isAwaitingContact, leadAgeMs, speedToLeadMs } from './lead-aging';

const m = 60_000;

describe('agingTone', () => {
  it.each([
    [0, 'ok'],
    [5 * m - 1, 'ok'],
    [5 * m, 'warn'],
    [30 * m - 1, 'warn'],
    [30 * m, 'late'],
    [48 * 60 * m, 'late'],
  ])('%p ms → %p', (ms, tone) => {
    expect(agingTone(ms)).toBe(tone);
  });
});

describe('isAwaitingContact', () => {
  it.each<[LeadStatus, string | null, boolean]>([
    ['new', null, true],
    ['routed', null, true],
    ['assigned', null, true],
    ['unhandled', null, true],
    ['contacted', null, false],
    ['booked', null, false],
    ['disqualified', null, false],
    ['spam', null, false],
    ['assigned', '2026-03-10T12:00:00.000Z', false],
  ])('%s with firstContactAt %p → %p', (status, firstContactAt, expected) => {
    expect(isAwaitingContact({ status, firstContactAt })).toBe(expected);
  });
});

describe('lead times', () => {
  const receivedAt = '2026-03-10T12:00:00.000Z';

  it('measures aging from received to now, never negative', () => {
    expect(leadAgeMs({ receivedAt }, Date.parse(receivedAt) + 3 * m)).toBe(3 * m);
    expect(leadAgeMs({ receivedAt }, Date.parse(receivedAt) - 1000)).toBe(0);
  });

  it('measures speed to lead from received to first contact', () => {
    expect(speedToLeadMs({ receivedAt, firstContactAt: '2026-03-10T12:02:14.000Z' })).toBe(
      2 * m + 14_000,
    );
    expect(speedToLeadMs({ receivedAt, firstContactAt: null })).toBeNull();
  });
});
