import { formatWait } from './format-wait';

describe('formatWait', () => {
  it.each([
    [0, '0 s'],
    [40.7, '40 s'],
    [60, '1 min'],
    [150, '2 min'],
    [3600, '1 h'],
    [3900, '1 h 5 min'],
    [86_400 * 3 + 3600 * 4 + 59, '3 d 4 h'],
    [-5, '0 s'],
  ])('%s seconds is "%s"', (seconds, words) => {
    expect(formatWait(seconds)).toBe(words);
  });
});
