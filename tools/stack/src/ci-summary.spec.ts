import { ciTotals } from './ci-summary.mjs';

describe('ciTotals', () => {
  it('adds the last npm test line and the chaos line, colours and all', () => {
    const log = [
      'tests: 3 passed, 1 failed', // an earlier line of the same kind is superseded
      'noise: 9 passed, 9 failed',
      '\u001b[32mtests: 1160 passed, 0 failed, 2 skipped\u001b[39m',
      'chaos: 6 passed, 0 failed',
    ].join('\n');
    expect(ciTotals(log)).toEqual({ found: 2, passed: 1166, failed: 0, skipped: 2 });
  });

  it('counts a failed chaos scenario as a failure', () => {
    expect(ciTotals('tests: 5 passed, 0 failed\nchaos: 5 passed, 1 failed\n')).toMatchObject({
      passed: 10,
      failed: 1,
    });
  });

  it('finds nothing in a log without summaries', () => {
    expect(ciTotals('npm ERR! something\n').found).toBe(0);
  });
});
