import { describeClause, describeClauseTest } from './describe-clause';

describe('describeClauseTest', () => {
  it('says what a clause tests without a lead, in the words the trace uses', () => {
    expect(describeClauseTest({ field: 'qualification.score', op: 'gte', value: 70 })).toBe(
      'qualification.score is at least 70',
    );
    expect(describeClauseTest({ field: 'lead.email', op: 'exists', value: false })).toBe(
      'lead.email is missing',
    );
    expect(
      describeClauseTest({ field: 'qualification.score', op: 'between', value: [40, 69] }),
    ).toBe('qualification.score is between 40 and 69');
    expect(
      describeClauseTest({ field: 'context.utm.source', op: 'in', value: ['google', 'bing'] }),
    ).toBe('context.utm.source is one of "google", "bing"');
    const trace = {
      field: 'qualification.score',
      op: 'gte' as const,
      expected: 70,
      actual: 82,
      result: true,
    };
    expect(describeClause(trace)).toBe(
      `${describeClauseTest({ field: trace.field, op: trace.op, value: trace.expected })} (it is 82)`,
    );
  });
});
