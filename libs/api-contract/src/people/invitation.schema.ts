import { z } from 'zod';
import { newPasswordSchema } from './people-fields.schema';
import { createUserSchema, userViewSchema } from './user.schema';

// Invitations: an admin adds a person by email; a one-time link lets them set their password.

/** The same fields as adding a person, without a password: they choose it from the link. */
export const createInvitationSchema = createUserSchema
  .omit({ password: true, status: true })
  .strict()
  .meta({ id: 'CreateInvitation' });
export type CreateInvitation = z.infer<typeof createInvitationSchema>;

/** What the admin learns: who was invited and until when the link works (never the link). */
export const invitationSentSchema = z
  .object({ user: userViewSchema, expiresAt: z.iso.datetime(), sentTo: z.string() })
  .meta({ id: 'InvitationSent' });
export type InvitationSent = z.infer<typeof invitationSentSchema>;

/** The token from the link: URL-safe base64, as issued. */
export const invitationTokenSchema = z
  .string()
  .min(16, 'token is too short')
  .max(128, 'token is too long')
  .regex(/^[A-Za-z0-9_-]+$/, 'token has characters no invitation link has');

/** What the accept page shows, to the holder of the link only. */
export const invitationLookupSchema = z
  .object({ name: z.string(), email: z.string(), expiresAt: z.iso.datetime() })
  .meta({ id: 'InvitationLookup' });
export type InvitationLookup = z.infer<typeof invitationLookupSchema>;

export const acceptInvitationSchema = z
  .object({ password: newPasswordSchema })
  .strict()
  .meta({ id: 'AcceptInvitation' });
export type AcceptInvitation = z.infer<typeof acceptInvitationSchema>;
