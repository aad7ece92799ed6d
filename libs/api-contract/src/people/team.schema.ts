import { z } from 'zod';
import { roleSchema } from '../auth/auth.schema';
import { idSchema, userStatusSchema } from './people-fields.schema';

const teamNameSchema = z.string().trim().min(1, 'name must not be empty').max(200);
const memberIdsSchema = z
  .array(idSchema('userIds'))
  .max(500)
  .transform((ids) => [...new Set(ids)]);

export const teamMemberViewSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  role: roleSchema,
  status: userStatusSchema,
});

export const teamViewSchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    /** The escalation target (id and name; `managerId` repeats the id for forms). */
    managerId: z.uuid().nullable(),
    manager: z.object({ id: z.uuid(), name: z.string() }).nullable(),
    scheduleId: z.uuid().nullable(),
    members: z.array(teamMemberViewSchema),
    createdAt: z.iso.datetime(),
  })
  .meta({ id: 'Team' });
export type TeamView = z.infer<typeof teamViewSchema>;

export const teamListSchema = z.object({ items: z.array(teamViewSchema) }).meta({ id: 'TeamList' });
export type TeamList = z.infer<typeof teamListSchema>;

export const createTeamSchema = z
  .object({
    name: teamNameSchema,
    managerId: idSchema('managerId').nullable().optional(),
    scheduleId: idSchema('scheduleId').nullable().optional(),
    memberIds: memberIdsSchema.optional(),
  })
  .strict()
  .meta({ id: 'CreateTeam' });
export type CreateTeam = z.infer<typeof createTeamSchema>;

export const updateTeamSchema = z
  .object({
    name: teamNameSchema.optional(),
    managerId: idSchema('managerId').nullable().optional(),
    scheduleId: idSchema('scheduleId').nullable().optional(),
  })
  .strict()
  .refine((b) => Object.keys(b).length > 0, 'send at least one field to change')
  .meta({ id: 'UpdateTeam' });
export type UpdateTeam = z.infer<typeof updateTeamSchema>;

/** Replaces the whole member list. */
export const setTeamMembersSchema = z
  .object({ userIds: memberIdsSchema })
  .strict()
  .meta({ id: 'SetTeamMembers' });
export type SetTeamMembers = z.infer<typeof setTeamMembersSchema>;
