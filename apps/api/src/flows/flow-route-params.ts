import { z } from 'zod';
import { Roles } from '../auth/auth.decorators';

/** `:id` of a flow route. */
export const flowIdParam = { schema: z.uuid('id must be a flow id (uuid)') };
/** `:version` of a flow route: the version number (1, 2, ...). */
export const versionParam = {
  schema: z.coerce.number().int('version must be a whole number').positive('version starts at 1'),
};

/** Changing flows (create, edit, publish, delete, import) and simulating them: admins and managers. */
export const FlowEditors = () => Roles('admin', 'manager');
