import { z } from 'zod';
import { flowVersionNumberSchema } from '@baton/api-contract';
import { Roles } from '../auth/auth.decorators';

/** `:id` of a flow route. */
export const flowIdParam = { schema: z.uuid('id must be a flow id (uuid)') };
/** `:version` of a flow route: the version number (1, 2, ...). */
export const versionParam = { schema: flowVersionNumberSchema };

/** Changing flows (create, edit, publish, delete, import) and simulating them: admins and managers. */
export const FlowEditors = () => Roles('admin', 'manager');
