import { type LeadPlacement, mayView, type Viewer, visibleLeadsSql } from './lead-visibility.rule';

const ME = '00000000-0000-4000-8000-000000000001';
const viewer = (role: Viewer['role'], memberOf: string[] = [], manages: string[] = []): Viewer => ({
  id: ME,
  role,
  memberOf: new Set(memberOf),
  manages: new Set(manages),
});
const lead = (p: Partial<LeadPlacement>): LeadPlacement => ({
  id: 'lead',
  ownerId: null,
  teamId: null,
  ownerTeamIds: [],
  ...p,
});

describe('mayView', () => {
  const othersLead = lead({ ownerId: 'other', teamId: 'T2', ownerTeamIds: ['T2'] });

  it('shows admins every lead', () => {
    expect(mayView(viewer('admin'), othersLead)).toBe(true);
    expect(mayView(viewer('admin'), lead({ ownerId: 'other' }))).toBe(true);
  });

  it('shows reps their own leads and their teams’, not other teams’', () => {
    expect(mayView(viewer('rep'), lead({ ownerId: ME, teamId: 'T2' }))).toBe(true);
    expect(mayView(viewer('rep', ['T2']), othersLead)).toBe(true);
    expect(mayView(viewer('rep', ['T1']), lead({ ownerId: 'other', ownerTeamIds: ['T1'] }))).toBe(
      true,
    );
    expect(mayView(viewer('rep', ['T1']), othersLead)).toBe(false);
    // Managing is not a rep's business: only membership counts.
    expect(mayView(viewer('rep', [], ['T2']), othersLead)).toBe(false);
  });

  it('shows managers the leads of the teams they manage or are in, and their own', () => {
    expect(mayView(viewer('manager', [], ['T2']), othersLead)).toBe(true);
    expect(mayView(viewer('manager', ['T2'], ['T1']), othersLead)).toBe(true);
    expect(mayView(viewer('manager', [], ['T1']), lead({ ownerId: ME, teamId: 'T2' }))).toBe(true);
    expect(mayView(viewer('manager', ['T3'], ['T1']), othersLead)).toBe(false);
    expect(
      mayView(viewer('manager', [], ['T1']), lead({ ownerId: 'other', ownerTeamIds: ['T2'] })),
    ).toBe(false);
  });

  it('shows unrouted leads to everyone, and leads of no team to managers too', () => {
    expect(mayView(viewer('rep'), lead({}))).toBe(true);
    expect(mayView(viewer('manager'), lead({}))).toBe(true);
    const teamless = lead({ ownerId: 'other' });
    expect(mayView(viewer('manager', [], ['T1']), teamless)).toBe(true);
    expect(mayView(viewer('rep', ['T1']), teamless)).toBe(false);
    // A team-less lead whose owner is in a team is that team's, not every manager's.
    expect(
      mayView(viewer('manager', [], ['T1']), lead({ ownerId: 'other', ownerTeamIds: ['T2'] })),
    ).toBe(false);
  });
});

describe('visibleLeadsSql', () => {
  it('puts no condition on admins and binds nothing', () => {
    expect(visibleLeadsSql(viewer('admin'))).toEqual({ sql: '(true)', values: [] });
  });

  it('binds the viewer once and the teams once, numbered from $1', () => {
    const { sql, values } = visibleLeadsSql(viewer('manager', ['T1'], ['T2']));
    expect(values).toEqual([ME, ['T1', 'T2']]);
    expect(sql.match(/\$\d+/g)?.sort()).toEqual(['$1', '$2', '$2']);
  });
});
