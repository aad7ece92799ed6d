import type { EntityManager } from '@baton/db';
import { SIGNATURE_TOLERANCE_SECONDS } from './request-signature';

/**
 * A signature stays valid while its timestamp is within ±tolerance of the server's time, so one
 * received now may be replayed for up to 2 × tolerance (when it was signed at the far future edge).
 * Rows are kept that long plus a minute for clock drift between API replicas and PostgreSQL.
 */
export const SEEN_SIGNATURE_RETENTION_SECONDS = 2 * SIGNATURE_TOLERANCE_SECONDS + 60;

/**
 * Records a verified signature in the caller's transaction; false when it was already there
 * (a replay). A concurrent insert of the same signature waits for the first transaction: if that
 * commits this one sees the conflict, if it rolls back (nothing was stored) this one goes ahead.
 */
export async function rememberSignature(
  m: Pick<EntityManager, 'query'>,
  sourceId: string,
  signature: string,
): Promise<boolean> {
  const rows: unknown[] = await m.query(
    `INSERT INTO request_signatures_seen (source_id, signature) VALUES ($1, $2)
     ON CONFLICT (source_id, signature) DO NOTHING RETURNING 1`,
    [sourceId, signature],
  );
  return rows.length > 0;
}

/** Deletes signatures too old to be replayed anyway (their timestamps are outside the window). */
export async function purgeSeenSignatures(m: Pick<EntityManager, 'query'>): Promise<void> {
  await m.query(
    `DELETE FROM request_signatures_seen WHERE seen_at < now() - make_interval(secs => $1)`,
    [SEEN_SIGNATURE_RETENTION_SECONDS],
  );
}
