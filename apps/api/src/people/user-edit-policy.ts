import { ForbiddenException } from '@nestjs/common';
import {
  type CurrentUser,
  managerEditableFields,
  selfAvailabilityFields,
  type UserField,
} from '@baton/api-contract';

export interface EditContext {
  editor: Pick<CurrentUser, 'id' | 'role'>;
  targetId: string;
  /** The target is a member of a team the editor manages. */
  managesTarget: boolean;
}

const forbidden = (message: string) => new ForbiddenException({ error: 'Forbidden', message });
const list = (fields: readonly string[]) => fields.join(', ');

/**
 * Who may change what about a person: admins everything; managers the availability of people in
 * the teams they manage; everyone their own status and out-of-office. Throws a 403 that says why.
 */
export function assertMayEditUser(ctx: EditContext, fields: readonly UserField[]): void {
  const { editor, targetId, managesTarget } = ctx;
  if (editor.role === 'admin') return;

  const self = editor.id === targetId;
  const manages = editor.role === 'manager' && managesTarget;
  if (!self && !manages) {
    throw forbidden(
      editor.role === 'manager'
        ? 'Managers may change only people in the teams they manage'
        : 'You may change only your own availability',
    );
  }
  const allowed = new Set<UserField>([
    ...(self ? selfAvailabilityFields : []),
    ...(manages ? managerEditableFields : []),
  ]);
  const refused = fields.filter((f) => !allowed.has(f));
  if (refused.length === 0) return;
  throw forbidden(
    manages
      ? `Managers may change only ${list(managerEditableFields)} of people in their teams (not ${list(refused)})`
      : `You may change only your own ${list(selfAvailabilityFields)} (not ${list(refused)})`,
  );
}
