import { applyOperator } from './apply-operator';
import { conditionClauseSchema, type ConditionOperator } from './condition.schema';

const run = (op: ConditionOperator, value: unknown, actual: unknown): boolean =>
  applyOperator(conditionClauseSchema.parse({ field: 'lead.x', op, value }), actual).result;

type Row = [op: ConditionOperator, expected: unknown, actual: unknown, result: boolean];

describe('applyOperator', () => {
  const rows: Row[] = [
    // eq: numbers numerically, text case-insensitively (trimmed), null = missing
    ['eq', 5000, 5000, true],
    ['eq', 5000, '5000', true],
    ['eq', 5000, ' 5000.0 ', true],
    ['eq', '5000', 5000, true],
    ['eq', 5000, '5,000', false],
    ['eq', 0, '', false],
    ['eq', 0, false, false],
    ['eq', '02134', '2134', false],
    ['eq', 'ACME', 'acme ', true],
    ['eq', 'acme', 'acme inc', false],
    ['eq', true, true, true],
    ['eq', true, 'TRUE', true],
    ['eq', false, 'no', false],
    ['eq', 'true', true, true],
    ['eq', null, undefined, true],
    ['eq', null, null, true],
    ['eq', null, '', false],
    ['eq', 'x', undefined, false],
    ['eq', 'x', null, false],
    ['eq', 'x', ['x'], false],
    ['eq', 'x', { x: 1 }, false],
    // neq is exactly not-eq, so a missing field "is not" any value
    ['neq', 'US', 'de', true],
    ['neq', 'US', 'us', false],
    ['neq', 'US', undefined, true],
    ['neq', null, undefined, false],
    ['neq', 10, '10', false],
    // contains: substring of text (case-insensitive) or member of a list
    ['contains', 'pricing', 'I want PRICING info', true],
    ['contains', 'pricing', 'price', false],
    ['contains', '55', 15550, true],
    ['contains', 'vip', ['new', 'VIP'], true],
    ['contains', 'vip', ['new'], false],
    ['contains', 'x', undefined, false],
    ['contains', 'x', null, false],
    ['contains', 'x', { x: 'x' }, false],
    // in: value among the options; a list matches when any element is
    ['in', ['DE', 'AT', 'CH'], 'de', true],
    ['in', ['DE', 'AT'], 'FR', false],
    ['in', [1, 2, 3], '2', true],
    ['in', ['a', 'b'], ['c', 'B'], true],
    ['in', ['a'], undefined, false],
    ['in', [null, 'a'], undefined, true],
    // ordering: numbers, numeric strings, ISO dates; anything else never matches
    ['gt', 70, 71, true],
    ['gt', 70, 70, false],
    ['gt', 70, '71', true],
    ['gt', 70, '71 dollars', false],
    ['gt', 70, '', false],
    ['gt', 70, null, false],
    ['gt', 70, undefined, false],
    ['gt', 70, true, false],
    ['gte', 70, 70, true],
    ['gte', 70, 69.99, false],
    ['lt', 10, -1, true],
    ['lt', 10, '1e1', false],
    ['lte', 10, '1e1', true],
    ['lte', 0, -0, true],
    ['gt', '2026-03-01', '2026-03-02', true],
    ['gt', '2026-03-01', '2026-03-01T00:00:01Z', true],
    ['lt', '2026-03-01T12:00:00+01:00', '2026-03-01T10:30:00Z', true],
    ['lt', '2026-03-01T12:00:00+01:00', '2026-03-01T11:30:00Z', false],
    ['gt', '2026-03-01', 'yesterday', false],
    ['gt', 'abc', 'abd', false],
    // between: inclusive bounds
    ['between', [10, 20], 10, true],
    ['between', [10, 20], 20, true],
    ['between', [10, 20], '15', true],
    ['between', [10, 20], 20.5, false],
    ['between', [10, 20], undefined, false],
    ['between', ['2026-01-01', '2026-12-31'], '2026-06-15', true],
    // exists: not missing, null, blank text or an empty list
    ['exists', true, 'x', true],
    ['exists', true, 0, true],
    ['exists', true, false, true],
    ['exists', true, '', false],
    ['exists', true, '   ', false],
    ['exists', true, [], false],
    ['exists', true, null, false],
    ['exists', true, undefined, false],
    ['exists', false, undefined, true],
    ['exists', false, 'x', false],
    // matches: RE2 search anywhere in the text; case-sensitive unless (?i)
    ['matches', '@acme\\.com$', 'jo@acme.com', true],
    ['matches', '@acme\\.com$', 'jo@ACME.com', false],
    ['matches', '(?i)@acme\\.com$', 'jo@ACME.com', true],
    ['matches', '^\\+49', '+49 30 1234', true],
    ['matches', '^\\d+$', 12345, true],
    ['matches', 'x', undefined, false],
    ['matches', 'x', ['x'], false],
  ];

  it.each(rows)('%s %j against %j is %s', (op, expected, actual, result) => {
    expect(run(op, expected, actual)).toBe(result);
  });

  it('defaults exists to true', () => {
    const clause = conditionClauseSchema.parse({ field: 'lead.email', op: 'exists' });
    expect(clause.value).toBe(true);
  });

  it('returns false with an error for an invalid pattern instead of throwing', () => {
    // Bypass the schema, as a graph saved before validation could.
    const outcome = applyOperator(
      { field: 'lead.x', op: 'matches', value: '(unclosed' },
      'unclosed',
    );
    expect(outcome.result).toBe(false);
    expect(outcome.error).toMatch(/invalid regular expression/);
  });
});
