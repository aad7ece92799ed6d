import { z } from 'zod';
import { roleSchema } from '../auth/auth.schema';
import {
  idSchema,
  instantSchema,
  labelListSchema,
  newPasswordSchema,
  personEmailSchema,
  personNameSchema,
  userStatusSchema,
} from './people-fields.schema';

const capacitySchema = z
  .number()
  .int('capacity must be a whole number')
  .min(0)
  .max(10_000)
  .nullable()
  .describe('most open leads at once; null = no cap');
const weightSchema = z
  .number()
  .int('weight must be a whole number')
  .min(0)
  .max(1000)
  .describe('share for weighted round robin');

// ---- responses ----

export const userFlagSchema = z
  .object({ at: z.iso.datetime(), reason: z.string().nullable() })
  .describe('set when the person breached SLAs repeatedly');

export const userViewSchema = z
  .object({
    id: z.uuid(),
    email: z.string(),
    name: z.string(),
    role: roleSchema,
    status: userStatusSchema,
    outOfOfficeUntil: z.iso.datetime().nullable(),
    capacity: z.number().int().nullable(),
    weight: z.number().int(),
    skills: z.array(z.string()),
    territories: z.array(z.string()),
    scheduleId: z.uuid().nullable(),
    teams: z.array(z.object({ id: z.uuid(), name: z.string() })),
    /** Leads they own that are new, routed or assigned. */
    openLeads: z.number().int(),
    flag: userFlagSchema.nullable(),
    /** Whether a password is set (the hash itself never leaves the server). */
    canSignIn: z.boolean(),
    /** Present while an invitation link is out and unused (it may have expired). */
    invitation: z.object({ expiresAt: z.iso.datetime() }).optional(),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
  })
  .meta({ id: 'User' });
export type UserView = z.infer<typeof userViewSchema>;

export const userListSchema = z.object({ items: z.array(userViewSchema) }).meta({ id: 'UserList' });
export type UserList = z.infer<typeof userListSchema>;

export const userListQuerySchema = z
  .object({
    role: roleSchema.optional(),
    team: idSchema('team').optional(),
    status: userStatusSchema.optional(),
    flagged: z
      .enum(['true', 'false'], 'flagged must be true or false')
      .transform((v) => v === 'true')
      .optional(),
  })
  .strict();
export type UserListQuery = z.infer<typeof userListQuerySchema>;

/** DELETE answers what happened: people with history are deactivated, others deleted. */
export const userRemovalSchema = z
  .object({
    outcome: z.enum(['deleted', 'deactivated']),
    /** The person as they are now (deactivated only). */
    user: userViewSchema.nullable(),
    message: z.string(),
  })
  .meta({ id: 'UserRemoval' });
export type UserRemoval = z.infer<typeof userRemovalSchema>;

// ---- requests ----

export const createUserSchema = z
  .object({
    email: personEmailSchema,
    name: personNameSchema,
    role: roleSchema,
    password: newPasswordSchema.optional(),
    status: userStatusSchema.optional(),
    capacity: capacitySchema.optional(),
    weight: weightSchema.optional(),
    skills: labelListSchema.optional(),
    territories: labelListSchema.optional(),
    scheduleId: idSchema('scheduleId').nullable().optional(),
  })
  .strict()
  .meta({ id: 'CreateUser' });
export type CreateUser = z.infer<typeof createUserSchema>;

/** Fields anyone may change about their own availability. */
export const selfAvailabilityFields = ['status', 'outOfOfficeUntil'] as const;
/** Fields a manager may change for people in the teams they manage. */
export const managerEditableFields = [
  'status',
  'outOfOfficeUntil',
  'capacity',
  'skills',
  'territories',
  'scheduleId',
  'clearFlag',
] as const;

/**
 * One body for every caller; who may change which field is decided on the server (admins:
 * everything; managers: availability of people in their teams; everyone: their own status and
 * out-of-office).
 */
export const updateUserSchema = z
  .object({
    email: personEmailSchema.optional(),
    name: personNameSchema.optional(),
    role: roleSchema.optional(),
    status: userStatusSchema.optional(),
    outOfOfficeUntil: instantSchema.nullable().optional(),
    capacity: capacitySchema.optional(),
    weight: weightSchema.optional(),
    skills: labelListSchema.optional(),
    territories: labelListSchema.optional(),
    scheduleId: idSchema('scheduleId').nullable().optional(),
    /** Exactly the teams the person is a member of afterwards (admins only). */
    teamIds: z
      .array(idSchema('teamIds'))
      .max(100, 'at most 100 teams')
      .transform((ids) => [...new Set(ids)])
      .optional(),
    clearFlag: z.literal(true, 'clearFlag can only be true').optional(),
  })
  .strict()
  .refine((b) => Object.keys(b).length > 0, 'send at least one field to change')
  .meta({ id: 'UpdateUser' });
export type UpdateUser = z.infer<typeof updateUserSchema>;
export type UserField = keyof UpdateUser;

export const changePasswordSchema = z
  .object({
    /** Required when you change your own password. */
    currentPassword: z.string().min(1).max(200).optional(),
    newPassword: newPasswordSchema,
  })
  .strict()
  .meta({ id: 'ChangePassword' });
export type ChangePassword = z.infer<typeof changePasswordSchema>;

// ---- my availability ----

export const availabilitySchema = userViewSchema
  .pick({
    status: true,
    outOfOfficeUntil: true,
    capacity: true,
    skills: true,
    territories: true,
    scheduleId: true,
    openLeads: true,
    flag: true,
  })
  .meta({ id: 'Availability' });
export type Availability = z.infer<typeof availabilitySchema>;

export const updateAvailabilitySchema = z
  .object({
    status: userStatusSchema.optional(),
    outOfOfficeUntil: instantSchema.nullable().optional(),
  })
  .strict()
  .refine((b) => Object.keys(b).length > 0, 'send status and/or outOfOfficeUntil')
  .meta({ id: 'UpdateAvailability' });
export type UpdateAvailability = z.infer<typeof updateAvailabilitySchema>;
