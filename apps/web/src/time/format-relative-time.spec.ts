import { formatRelativeTime } from './format-relative-time';

const now = Date.parse('2026-03-10T12:00:00.000Z');
const ago = (ms: number) => new Date(now - ms).toISOString();
const s = 1000;
const m = 60 * s;
const h = 60 * m;
const d = 24 * h;

describe('formatRelativeTime', () => {
  it.each([
    [ago(0), 'just now'],
    [ago(44 * s), 'just now'],
    [ago(-20 * s), 'just now'],
    [ago(45 * s), '1 min ago'],
    [ago(3 * m), '3 min ago'],
    [ago(3 * m + 20 * s), '3 min ago'],
    [ago(59 * m), '59 min ago'],
    [ago(h), '1 h ago'],
    [ago(5 * h + 59 * m), '5 h ago'],
    [ago(d), '1 day ago'],
    [ago(6 * d), '6 days ago'],
    [ago(-10 * m), 'in 10 min'],
    ['2026-02-01T09:30:00.000Z', '1 Feb 2026'],
    ['not a date', '—'],
  ])('%s → %p', (instant, expected) => {
    expect(formatRelativeTime(instant, now, { locale: 'en-GB', timeZone: 'UTC' })).toBe(expected);
  });

  it('accepts Date and epoch millis', () => {
    expect(formatRelativeTime(new Date(now - 2 * m), new Date(now))).toBe('2 min ago');
    expect(formatRelativeTime(now - 2 * h, now)).toBe('2 h ago');
  });
});
