import { ForbiddenException } from '@nestjs/common';
import type { UserField } from '@baton/api-contract';
import { assertMayEditUser, type EditContext } from './user-edit-policy';

const me = 'me';
const other = 'other';
const attempt = (ctx: EditContext, fields: UserField[]) => () => assertMayEditUser(ctx, fields);

describe('assertMayEditUser', () => {
  it('lets an admin change anything about anyone', () => {
    const ctx = {
      editor: { id: me, role: 'admin' as const },
      targetId: other,
      managesTarget: false,
    };
    expect(attempt(ctx, ['role', 'email', 'weight', 'clearFlag'])).not.toThrow();
  });

  it('lets a manager change availability of people in their teams, nothing else', () => {
    const ctx = {
      editor: { id: me, role: 'manager' as const },
      targetId: other,
      managesTarget: true,
    };
    expect(
      attempt(ctx, [
        'status',
        'outOfOfficeUntil',
        'capacity',
        'skills',
        'territories',
        'scheduleId',
        'clearFlag',
      ]),
    ).not.toThrow();
    expect(attempt(ctx, ['capacity', 'role'])).toThrow(/not role/);
    expect(attempt(ctx, ['weight'])).toThrow(ForbiddenException);
  });

  it('refuses a manager for people outside their teams', () => {
    const ctx = {
      editor: { id: me, role: 'manager' as const },
      targetId: other,
      managesTarget: false,
    };
    expect(attempt(ctx, ['status'])).toThrow(
      'Managers may change only people in the teams they manage',
    );
  });

  it('lets anyone change their own status and out-of-office only', () => {
    for (const role of ['rep', 'manager'] as const) {
      const ctx = { editor: { id: me, role }, targetId: me, managesTarget: false };
      expect(attempt(ctx, ['status', 'outOfOfficeUntil'])).not.toThrow();
      expect(attempt(ctx, ['capacity'])).toThrow(
        /only your own status, outOfOfficeUntil \(not capacity\)/,
      );
    }
  });

  it('refuses a rep for anyone else', () => {
    const ctx = { editor: { id: me, role: 'rep' as const }, targetId: other, managesTarget: true };
    expect(attempt(ctx, ['status'])).toThrow('You may change only your own availability');
  });

  it('gives a manager in their own team the manager fields for themselves', () => {
    const ctx = { editor: { id: me, role: 'manager' as const }, targetId: me, managesTarget: true };
    expect(attempt(ctx, ['capacity', 'status'])).not.toThrow();
    expect(attempt(ctx, ['role'])).toThrow(/not role/);
  });
});
