import { z } from 'zod';
import { fieldIssuesError } from './field-issues-error';

/**
 * Opaque keyset cursor over (timestamp DESC, id DESC), as the lead inbox and the alerts page:
 * stable while new rows arrive. `at` keeps PostgreSQL's microseconds: cut to milliseconds, the
 * next page would skip rows made later in the same millisecond.
 */
export interface KeysetCursor {
  at: string;
  id: string;
}

// What the two parts must be for PostgreSQL to compare them: a real UTC instant (calendar-checked,
// no year 0, which timestamptz refuses) and a uuid of any version.
const keysetCursorSchema = z.object({
  at: z.iso
    .datetime()
    .refine((s) => !s.startsWith('0000'), 'year 0 is not a date PostgreSQL knows'),
  id: z.guid(),
});

export const encodeKeysetCursor = (c: KeysetCursor): string =>
  Buffer.from(`${c.at}|${c.id}`).toString('base64url');

/** The cursor a page returned, or a 400 naming `cursor` for anything else (never a 500). */
export function decodeKeysetCursor(raw: string): KeysetCursor {
  const parts = Buffer.from(raw, 'base64url').toString('utf8').split('|');
  const parsed =
    parts.length === 2 ? keysetCursorSchema.safeParse({ at: parts[0], id: parts[1] }) : undefined;
  if (!parsed?.success) {
    throw fieldIssuesError([{ path: 'cursor', message: 'not a cursor this API returned' }]);
  }
  return parsed.data;
}

/**
 * One page from rows read with LIMIT limit + 1 (the extra row says whether there is more); each
 * row carries `cursor_at`, its timestamp to the microsecond as text.
 */
export function keysetPage<R extends { id: string; cursor_at: string }, T>(
  rows: R[],
  limit: number,
  toItem: (row: R) => T,
): { items: T[]; nextCursor: string | null } {
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  return {
    items: page.map(toItem),
    nextCursor:
      rows.length > limit && last ? encodeKeysetCursor({ at: last.cursor_at, id: last.id }) : null,
  };
}
