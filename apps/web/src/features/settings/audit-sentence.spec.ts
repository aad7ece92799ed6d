import type { AuditEntry } from '@baton/api-contract';
import { auditSentence, changedKeys, valueText } from './audit-sentence';

const entry = (partial: Partial<AuditEntry>): AuditEntry => ({
  id: '1',
  action: 'user.update',
  entityType: 'user',
  entityId: 'u-1',
  entityName: 'Sam',
  before: null,
  after: null,
  at: '2026-11-01T10:00:00.000Z',
  actorId: 'u-0',
  actorName: 'Dana',
  ...partial,
});

describe('auditSentence', () => {
  it('says who changed which field of whom, from what to what', () => {
    expect(auditSentence(entry({ before: { role: 'rep' }, after: { role: 'manager' } }))).toBe(
      'Dana changed Sam’s role from rep to manager',
    );
    expect(
      auditSentence(
        entry({
          entityType: 'team',
          entityName: 'Closers',
          action: 'team.update',
          before: { name: 'Sales' },
          after: { name: 'Closers' },
        }),
      ),
    ).toBe('Dana changed the name of the team Closers from Sales to Closers');
  });

  it('reads settings by their names and lists several changed fields', () => {
    expect(
      auditSentence(
        entry({
          action: 'setting.update',
          entityType: 'setting',
          entityId: 'averageDealValue',
          entityName: null,
          before: { value: 0 },
          after: { value: 2500 },
        }),
      ),
    ).toBe('Dana changed the average deal value from 0 to 2500');
    expect(
      auditSentence(
        entry({
          before: { skills: [], capacity: null, weight: 1, status: 'available' },
          after: { skills: ['es'], capacity: 3, weight: 2, status: 'away' },
        }),
      ),
    ).toBe('Dana changed Sam’s skills, capacity and 2 more');
  });

  it('names creations, deletions and key rotations, and who did it when people are gone', () => {
    expect(
      auditSentence(entry({ action: 'flow.publish', entityType: 'flow', entityName: 'Website' })),
    ).toBe('Dana published the flow Website');
    expect(
      auditSentence(
        entry({
          action: 'source.rotate_key',
          entityType: 'source',
          entityName: 'Ads',
          actorName: null,
        }),
      ),
    ).toBe('A person who was removed gave the source Ads a new API key');
    expect(
      auditSentence(
        entry({ action: 'user.delete', entityName: null, actorId: null, actorName: null }),
      ),
    ).toBe('Baton deleted a person who was removed');
  });

  it('keeps values short and finds the fields that differ', () => {
    expect(valueText(null)).toBe('none');
    expect(valueText(['a', 'b'])).toBe('a, b');
    expect(valueText('x'.repeat(80))).toHaveLength(60);
    expect(changedKeys(entry({ before: { a: 1, b: 2 }, after: { a: 1, b: 3, c: 4 } }))).toEqual([
      'b',
      'c',
    ]);
  });
});
