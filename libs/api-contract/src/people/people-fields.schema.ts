import { z } from 'zod';
import { emailAddressSchema } from '../fields/email-address.schema';

// Field schemas shared by the people API's bodies (users, teams, schedules, sources).

export const userStatuses = ['available', 'away'] as const;
export const userStatusSchema = z.enum(userStatuses);
export type UserStatus = z.infer<typeof userStatusSchema>;

/**
 * Lead statuses that count against an owner's capacity ("open leads"). The worker's assignment
 * step counts the same statuses.
 */
export const openLeadStatuses = ['new', 'routed', 'assigned'] as const;

export const personNameSchema = z.string().trim().min(1, 'name must not be empty').max(200);

/** Stored lower-cased: the sign-in form and the unique index agree on one spelling. */
export const personEmailSchema = emailAddressSchema.toLowerCase();

/** 12 characters at least; at most 200 because the sign-in form accepts no more. */
export const newPasswordSchema = z
  .string()
  .min(12, 'password must be at least 12 characters')
  .max(200, 'password must be at most 200 characters');

/** Skills and territories: trimmed labels, duplicates dropped, order kept. */
export const labelListSchema = z
  .array(z.string().trim().min(1, 'labels must not be empty').max(100))
  .max(50, 'at most 50 labels')
  .transform((labels) => [...new Set(labels)]);

export const idSchema = (what: string) => z.uuid(`${what} must be an id (uuid)`);

/** An instant with its offset, e.g. 2026-12-01T09:00:00Z or 2026-12-01T10:00:00+01:00. */
export const instantSchema = z.iso.datetime({
  offset: true,
  message: 'use an ISO date-time with a zone, e.g. 2026-12-01T09:00:00Z',
});
