import { z } from 'zod';
import { fieldIssuesError } from '../http/field-issues-error';

/**
 * Opaque keyset cursor over (received_at DESC, id DESC): stable while new leads arrive.
 * `receivedAt` keeps PostgreSQL's microseconds: cut to milliseconds, the next page would skip
 * leads received later in the same millisecond.
 */
export interface LeadCursor {
  receivedAt: string;
  id: string;
}

// What the two parts must be for PostgreSQL to compare them: a real UTC instant (calendar-checked,
// no year 0, which timestamptz refuses) and a uuid of any version.
const leadCursorSchema = z.object({
  receivedAt: z.iso
    .datetime()
    .refine((s) => !s.startsWith('0000'), 'year 0 is not a date PostgreSQL knows'),
  id: z.guid(),
});

export const encodeLeadCursor = (c: LeadCursor): string =>
  Buffer.from(`${c.receivedAt}|${c.id}`).toString('base64url');

/** The cursor a page returned, or a 400 naming `cursor` for anything else (never a 500). */
export function decodeLeadCursor(raw: string): LeadCursor {
  const parts = Buffer.from(raw, 'base64url').toString('utf8').split('|');
  const parsed =
    parts.length === 2
      ? leadCursorSchema.safeParse({ receivedAt: parts[0], id: parts[1] })
      : undefined;
  if (!parsed?.success) {
    throw fieldIssuesError([{ path: 'cursor', message: 'not a cursor this API returned' }]);
  }
  return parsed.data;
}
