import { ConflictException } from '@nestjs/common';
import type { EntityManager } from '@baton/db';

type Queryable = Pick<EntityManager, 'query'>;

/**
 * A draft's revision: the time of its last change, to the microsecond (every save sets
 * `updated_at`). Sent as the ETag of the draft so that two editors cannot overwrite each other:
 * a save carries the ETag it started from in `If-Match` and is refused when the draft moved on.
 */
export const draftRevisionSql = (table = 'flows'): string =>
  `(extract(epoch from ${table}.updated_at) * 1000000)::bigint::text`;

export const draftEtag = (revision: string): string => `"${revision}"`;

/** The draft's current revision, or undefined when there is no such flow. */
export async function readDraftRevision(db: Queryable, id: string): Promise<string | undefined> {
  const [row] = (await db.query(
    `SELECT ${draftRevisionSql()} AS revision FROM flows WHERE id = $1`,
    [id],
  )) as { revision: string }[];
  return row?.revision;
}

/**
 * Whether an `If-Match` header lets a write of the draft at `revision` through. No header means
 * an unconditional write (API clients that do not edit concurrently); `*` matches any draft.
 */
export function ifMatchAllows(header: string | undefined, revision: string): boolean {
  if (header === undefined || header.trim() === '') return true;
  return header
    .split(',')
    .map((tag) => tag.trim().replace(/^W\//, ''))
    .some((tag) => tag === '*' || tag === draftEtag(revision));
}

/** 409: someone saved the draft since this editor loaded it; nothing was written. */
export function draftChangedConflict(): ConflictException {
  return new ConflictException({
    error: 'Conflict',
    message:
      'Someone else changed this flow since you opened it, so your change was not saved. Reload to see the current draft.',
  });
}

/** Refuses the write unless `If-Match` names the draft's current revision. Call with the row locked. */
export function assertIfMatch(header: string | undefined, revision: string): void {
  if (!ifMatchAllows(header, revision)) throw draftChangedConflict();
}
