import { z } from 'zod';

/** The `:id` of a person, team, schedule or source. */
export const idParamSchema = z.uuid('id must be an id (uuid)');
