import { conditionConfigSchema } from '../nodes/condition/condition.node';
import { chooseConditionBranch } from './choose-condition-branch';
import type { Facts } from './facts';

const config = conditionConfigSchema.parse({
  rules: [
    {
      id: 'spam',
      label: 'Spam',
      group: { clauses: [{ field: 'qualification.spam', op: 'eq', value: true }] },
    },
    {
      id: 'hot',
      label: 'Hot lead',
      group: { clauses: [{ field: 'qualification.score', op: 'gte', value: 70 }] },
    },
    {
      id: 'enterprise',
      label: 'Enterprise',
      group: {
        mode: 'any',
        clauses: [
          { field: 'lead.customFields.seats', op: 'gte', value: 500 },
          { field: 'lead.company', op: 'contains', value: 'corp' },
        ],
      },
    },
  ],
});

const facts = (
  qualification: Record<string, unknown>,
  lead: Record<string, unknown> = {},
): Facts => ({
  lead,
  qualification,
  context: {},
});

describe('chooseConditionBranch', () => {
  it('takes the first matching rule in order', () => {
    const branch = chooseConditionBranch(
      config,
      facts({ score: 90, spam: false }, { company: 'Big Corp' }),
    );
    expect(branch).toMatchObject({ handle: 'hot', ruleId: 'hot' });
    expect(branch.rules.map((r) => r.ruleId)).toEqual(['spam', 'hot']);
    expect(branch.explanation).toBe(
      'Rule "Hot lead" matched: qualification.score is at least 70 (it is 90).',
    );
  });

  it('explains an any rule by the clauses that held', () => {
    const branch = chooseConditionBranch(config, facts({ score: 10 }, { company: 'Big Corp' }));
    expect(branch.handle).toBe('enterprise');
    expect(branch.explanation).toBe(
      'Rule "Enterprise" matched: lead.company contains "corp" (it is "Big Corp").',
    );
  });

  it('falls through to else and says why each rule missed', () => {
    const branch = chooseConditionBranch(config, facts({ score: 40 }));
    expect(branch.handle).toBe('else');
    expect(branch.ruleId).toBeUndefined();
    expect(branch.explanation).toContain('No rule matched');
    expect(branch.explanation).toContain(
      '"Hot lead" (qualification.score is at least 70 (it is 40))',
    );
    expect(branch.explanation).toContain('lead.customFields.seats is at least 500 (it is missing)');
  });
});
