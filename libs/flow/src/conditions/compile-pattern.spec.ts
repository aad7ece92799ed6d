import { compilePattern, MAX_PATTERN_LENGTH } from './compile-pattern';

describe('compilePattern', () => {
  it('compiles RE2 patterns and caches them', () => {
    const first = compilePattern('^a+b$');
    expect(first.ok).toBe(true);
    expect(compilePattern('^a+b$')).toBe(first);
  });

  it.each([
    ['(abc', /missing closing \)/],
    ['[a-', /invalid regular expression/],
    ['(?=lookahead)', /invalid regular expression/],
    ['a**', /invalid regular expression/],
  ])('refuses %s with a clear message', (pattern, message) => {
    const result = compilePattern(pattern);
    expect(result).toEqual({ ok: false, message: expect.stringMatching(message) });
  });

  it('refuses patterns over the length cap', () => {
    const result = compilePattern('a'.repeat(MAX_PATTERN_LENGTH + 1));
    expect(result).toEqual({
      ok: false,
      message: expect.stringContaining(`limit is ${MAX_PATTERN_LENGTH}`),
    });
  });

  it('matches a classic catastrophic-backtracking pattern in linear time', () => {
    const compiled = compilePattern('^(a+)+$');
    if (!compiled.ok) throw new Error(compiled.message);
    const input = `${'a'.repeat(50_000)}!`;
    const started = performance.now();
    expect(compiled.regex.test(input)).toBe(false);
    // A backtracking engine needs ~2^50000 steps here; RE2 takes milliseconds.
    expect(performance.now() - started).toBeLessThan(2_000);
  });
});
