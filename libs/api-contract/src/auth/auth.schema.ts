import { z } from 'zod';
import { emailAddressSchema } from '../fields/email-address.schema';

export const roles = ['admin', 'manager', 'rep'] as const;
export const roleSchema = z.enum(roles);
export type Role = z.infer<typeof roleSchema>;

export const loginSchema = z
  .object({
    email: emailAddressSchema,
    password: z.string().min(1).max(200),
  })
  .strict()
  .meta({ id: 'Login' });
export type Login = z.infer<typeof loginSchema>;

export const currentUserSchema = z
  .object({ id: z.uuid(), name: z.string(), email: z.string(), role: roleSchema })
  .meta({ id: 'CurrentUser' });
export type CurrentUser = z.infer<typeof currentUserSchema>;
