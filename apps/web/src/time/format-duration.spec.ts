import { formatDuration, formatElapsed } from './format-duration';

const s = 1000;
const m = 60 * s;
const h = 60 * m;
const d = 24 * h;

describe('formatDuration', () => {
  it.each([
    [0, '0s'],
    [999, '0s'],
    [45 * s, '45s'],
    [59 * s + 999, '59s'],
    [m, '1m'],
    [2 * m + 14 * s, '2m 14s'],
    [59 * m + 59 * s, '59m 59s'],
    [h, '1h'],
    [h + 5 * m + 30 * s, '1h 5m'],
    [23 * h + 59 * m, '23h 59m'],
    [d, '1d'],
    [3 * d + 4 * h + 12 * m, '3d 4h'],
    [-(2 * m + 14 * s), '−2m 14s'],
    [Number.NaN, '—'],
  ])('%p ms → %p', (ms, expected) => {
    expect(formatDuration(ms)).toBe(expected);
  });
});

describe('formatElapsed', () => {
  it.each([
    [0, '+0s'],
    [2 * m + 14 * s, '+2m 14s'],
    [h + 2 * m, '+1h 2m'],
    [-30 * s, '−30s'],
  ])('%p ms → %p', (ms, expected) => {
    expect(formatElapsed(ms)).toBe(expected);
  });
});
