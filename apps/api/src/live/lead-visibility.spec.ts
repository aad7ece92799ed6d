import { type LeadPlacement, mayView, type Viewer } from './lead-visibility';

const viewer = (role: Viewer['role'], memberOf: string[] = [], manages: string[] = []): Viewer => ({
  id: 'me',
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
  });

  it('shows reps their own leads and their teams’, not other teams’', () => {
    expect(mayView(viewer('rep'), lead({ ownerId: 'me', teamId: 'T2' }))).toBe(true);
    expect(mayView(viewer('rep', ['T2']), othersLead)).toBe(true);
    expect(mayView(viewer('rep', ['T1']), lead({ ownerId: 'other', ownerTeamIds: ['T1'] }))).toBe(
      true,
    );
    expect(mayView(viewer('rep', ['T1']), othersLead)).toBe(false);
  });

  it('shows managers the leads of the teams they manage, not the ones they are only in', () => {
    expect(mayView(viewer('manager', [], ['T2']), othersLead)).toBe(true);
    expect(mayView(viewer('manager', ['T2'], ['T1']), othersLead)).toBe(false);
    expect(mayView(viewer('manager', [], ['T1']), lead({ ownerId: 'me', teamId: 'T2' }))).toBe(
      false,
    );
  });

  it('shows unrouted leads to everyone', () => {
    expect(mayView(viewer('rep'), lead({}))).toBe(true);
    expect(mayView(viewer('manager'), lead({}))).toBe(true);
  });
});
