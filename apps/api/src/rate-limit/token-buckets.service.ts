import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { DataSource } from '@baton/db';

/** One bucket: holds up to `capacity` tokens, refilled continuously at `perSecond`. */
export interface BucketSpec {
  key: string;
  capacity: number;
  perSecond: number;
}

export interface BucketCheck {
  key: string;
  allowed: boolean;
  /** 0 when allowed; otherwise whole seconds until the bucket holds enough tokens again. */
  retryAfterSeconds: number;
}

const PURGE_EVERY_MS = 60_000;

// The refill since the last check is computed from the stored level with the database clock, so
// every replica sees the same bucket. A denied check charges nothing but still records the refill.
const TAKE_SQL = `
  INSERT INTO rate_limit_buckets AS b (key, tokens, capacity, per_second, allowed, updated_at, full_at)
  SELECT k.key, k.capacity - $4, k.capacity, k.per_second, true, now(),
         now() + make_interval(secs => $4 / k.per_second)
  FROM unnest($1::text[], $2::float8[], $3::float8[]) AS k(key, capacity, per_second)
  ON CONFLICT (key) DO UPDATE SET (tokens, capacity, per_second, allowed, updated_at, full_at) = (
    SELECT r.next, excluded.capacity, excluded.per_second, r.ok, now(),
           now() + make_interval(secs => (excluded.capacity - r.next) / excluded.per_second)
    FROM (SELECT l.level >= $4 AS ok, l.level - CASE WHEN l.level >= $4 THEN $4 ELSE 0 END AS next
          FROM (SELECT least(excluded.capacity,
                             b.tokens + extract(epoch FROM now() - b.updated_at) * excluded.per_second)
                       AS level) l) r)
  RETURNING key, allowed, tokens`;

const PEEK_SQL = `
  SELECT k.key,
         least(k.capacity, b.tokens + extract(epoch FROM now() - b.updated_at) * k.per_second) AS tokens
  FROM unnest($1::text[], $2::float8[], $3::float8[]) AS k(key, capacity, per_second)
  JOIN rate_limit_buckets b ON b.key = k.key`;

/**
 * Token buckets kept in PostgreSQL (table rate_limit_buckets), shared by every API replica.
 * Each check is one statement, one round trip. Rows of buckets that have refilled completely
 * are deleted every minute, so the table holds only the keys active lately.
 */
@Injectable()
export class TokenBuckets implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(TokenBuckets.name);
  private purgeTimer: NodeJS.Timeout | null = null;

  constructor(@Inject(DataSource) private readonly db: DataSource) {}

  onApplicationBootstrap(): void {
    this.purgeTimer = setInterval(() => void this.purgeQuietly(), PURGE_EVERY_MS);
    this.purgeTimer.unref();
  }

  onApplicationShutdown(): void {
    if (this.purgeTimer) clearInterval(this.purgeTimer);
  }

  /** Takes `cost` tokens from each bucket that has them; says per bucket whether it had. */
  async take(buckets: BucketSpec[], cost = 1): Promise<BucketCheck[]> {
    const unique = distinct(buckets);
    for (const b of unique) {
      if (!(b.capacity >= cost && b.perSecond > 0))
        throw new Error(`bucket ${b.key}: capacity must be ≥ the cost and the refill positive`);
    }
    const rows: { key: string; allowed: boolean; tokens: number }[] = await this.db.query(
      TAKE_SQL,
      [...columns(unique), cost],
    );
    const byKey = new Map(rows.map((r) => [r.key, r]));
    return unique.map((b) => {
      const row = byKey.get(b.key);
      const allowed = row?.allowed ?? false;
      return {
        key: b.key,
        allowed,
        retryAfterSeconds: allowed ? 0 : waitSeconds(row?.tokens ?? 0, cost, b.perSecond),
      };
    });
  }

  /** Whether a take of `cost` would pass, without taking anything. */
  async peek(buckets: BucketSpec[], cost = 1): Promise<BucketCheck[]> {
    const unique = distinct(buckets);
    const rows: { key: string; tokens: number }[] = await this.db.query(PEEK_SQL, columns(unique));
    const levels = new Map(rows.map((r) => [r.key, r.tokens]));
    return unique.map((b) => {
      const tokens = levels.get(b.key) ?? b.capacity;
      const allowed = tokens >= cost;
      return {
        key: b.key,
        allowed,
        retryAfterSeconds: allowed ? 0 : waitSeconds(tokens, cost, b.perSecond),
      };
    });
  }

  /** Gives tokens back (up to each bucket's capacity), e.g. for an attempt that turned out fine. */
  async refund(keys: string[], amount = 1): Promise<void> {
    await this.db.query(
      `UPDATE rate_limit_buckets
       SET tokens = least(capacity, tokens + $2),
           full_at = full_at - make_interval(secs => (least(capacity, tokens + $2) - tokens) / per_second)
       WHERE key = ANY($1::text[])`,
      [keys, amount],
    );
  }

  /** Fills these buckets up again. */
  async reset(keys: string[]): Promise<void> {
    await this.db.query(`DELETE FROM rate_limit_buckets WHERE key = ANY($1::text[])`, [keys]);
  }

  /** Deletes buckets that are full again (a missing row is a full bucket). */
  async purge(): Promise<number> {
    const [, affected]: [unknown, number] = await this.db.query(
      `DELETE FROM rate_limit_buckets WHERE full_at <= now()`,
    );
    return affected;
  }

  private async purgeQuietly(): Promise<void> {
    try {
      await this.purge();
    } catch (err) {
      // Not urgent: the next round tries again, and checks work on an unpurged table.
      this.logger.warn(
        `Could not purge old rate-limit buckets: ${err instanceof Error ? err.message : String(err)}`,
      );
    }
  }
}

function distinct(buckets: BucketSpec[]): BucketSpec[] {
  return [...new Map(buckets.map((b) => [b.key, b])).values()];
}

function columns(buckets: BucketSpec[]): [string[], number[], number[]] {
  return [
    buckets.map((b) => b.key),
    buckets.map((b) => b.capacity),
    buckets.map((b) => b.perSecond),
  ];
}

function waitSeconds(tokens: number, cost: number, perSecond: number): number {
  return Math.max(1, Math.ceil((cost - tokens) / perSecond));
}
