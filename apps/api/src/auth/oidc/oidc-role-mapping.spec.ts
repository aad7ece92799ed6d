import { roleFromClaims } from './oidc-role-mapping';

describe('roleFromClaims', () => {
  const mapping = {
    claim: 'groups',
    roles: new Map([
      ['sales', 'rep'],
      ['sales-leads', 'manager'],
      ['it', 'admin'],
    ] as const),
  };

  it('maps a single value and a list, the highest role winning', () => {
    expect(roleFromClaims(mapping, { groups: 'sales' })).toBe('rep');
    expect(roleFromClaims(mapping, { groups: ['sales', 'it', 'sales-leads'] })).toBe('admin');
    expect(roleFromClaims(mapping, { groups: ['marketing', 'sales-leads'] })).toBe('manager');
  });

  it('is null when nothing maps or the claim is missing or not text', () => {
    expect(roleFromClaims(mapping, { groups: ['marketing'] })).toBeNull();
    expect(roleFromClaims(mapping, {})).toBeNull();
    expect(roleFromClaims(mapping, { groups: [1, { it: true }] })).toBeNull();
  });
});
