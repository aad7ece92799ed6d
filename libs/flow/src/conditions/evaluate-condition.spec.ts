import { conditionGroupSchema } from './condition.schema';
import { evaluateCondition } from './evaluate-condition';
import type { Facts } from './facts';

const facts: Facts = {
  lead: { name: 'Ada', email: 'ada@acme.com', customFields: { budget: '12000', country: 'DE' } },
  qualification: { score: 82, spam: false },
  context: { utm: { source: 'google' } },
};

const group = (input: unknown) => conditionGroupSchema.parse(input);

describe('evaluateCondition', () => {
  it('requires every clause in an all group and traces each one', () => {
    const result = evaluateCondition(
      group({
        mode: 'all',
        clauses: [
          { field: 'qualification.score', op: 'gte', value: 70 },
          { field: 'lead.customFields.budget', op: 'gt', value: 10000 },
          { field: 'context.utm.source', op: 'eq', value: 'Google' },
        ],
      }),
      facts,
    );
    expect(result.matched).toBe(true);
    expect(result.clauses).toEqual([
      { field: 'qualification.score', op: 'gte', expected: 70, actual: 82, result: true },
      {
        field: 'lead.customFields.budget',
        op: 'gt',
        expected: 10000,
        actual: '12000',
        result: true,
      },
      { field: 'context.utm.source', op: 'eq', expected: 'Google', actual: 'google', result: true },
    ]);
  });

  it('fails an all group on one false clause but still evaluates the rest', () => {
    const result = evaluateCondition(
      group({
        clauses: [
          { field: 'qualification.spam', op: 'eq', value: true },
          { field: 'lead.email', op: 'exists' },
        ],
      }),
      facts,
    );
    expect(result.matched).toBe(false);
    expect(result.clauses.map((c) => c.result)).toEqual([false, true]);
  });

  it('needs one clause in an any group', () => {
    const result = evaluateCondition(
      group({
        mode: 'any',
        clauses: [
          { field: 'lead.customFields.country', op: 'in', value: ['AT', 'CH'] },
          { field: 'lead.email', op: 'matches', value: '@acme\\.com$' },
        ],
      }),
      facts,
    );
    expect(result.matched).toBe(true);
  });

  it('treats missing paths as missing, never as errors', () => {
    const result = evaluateCondition(
      group({
        mode: 'any',
        clauses: [
          { field: 'lead.customFields.nope.deeper', op: 'eq', value: 'x' },
          { field: 'qualification.score.value', op: 'gt', value: 1 },
          { field: 'lead.__proto__', op: 'exists' },
          { field: 'lead.name.constructor', op: 'exists' },
        ],
      }),
      facts,
    );
    expect(result.matched).toBe(false);
    expect(result.clauses.map((c) => c.actual)).toEqual([
      undefined,
      undefined,
      undefined,
      undefined,
    ]);
  });
});
