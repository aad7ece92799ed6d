import { Inject, Injectable, UnauthorizedException } from '@nestjs/common';
import { API_TOKEN_PREFIX, type CurrentUser } from '@baton/api-contract';
import { DataSource } from '@baton/db';
import { AuditLogService } from '../audit/audit-log.service';
import { sha256 } from './secret-token';

export interface ApiTokenPrincipal {
  tokenId: string;
  /** The person as they are now: their current role, not the one they had when creating it. */
  user: CurrentUser;
}

interface TokenRow {
  id: string;
  name: string;
  token_prefix: string;
  revoked: boolean;
  expires_at: Date | null;
  expired: boolean;
  stale: boolean;
  user_id: string;
  user_name: string;
  email: string;
  role: CurrentUser['role'];
}

const refused = (message: string) => new UnauthorizedException({ error: 'Unauthorized', message });

/**
 * Resolves "Authorization: Bearer baton_pat_…" to its person. One indexed read per request; the
 * last-used time is written at most once a minute per token, and the first use is audited.
 */
@Injectable()
export class ApiTokenAuthService {
  constructor(
    @Inject(DataSource) private readonly db: DataSource,
    @Inject(AuditLogService) private readonly audit: AuditLogService,
  ) {}

  async authenticate(secret: string, address?: string): Promise<ApiTokenPrincipal> {
    if (!secret.startsWith(API_TOKEN_PREFIX)) {
      throw refused(
        `Not a personal API token: send one that starts with ${API_TOKEN_PREFIX} (create it under API tokens in Baton). Source API keys work only for POST /api/v1/leads`,
      );
    }
    const [row] = (await this.db.query(
      `SELECT t.id, t.name, t.token_prefix, t.revoked_at IS NOT NULL AS revoked, t.expires_at,
              t.expires_at IS NOT NULL AND t.expires_at <= now() AS expired,
              t.last_used_at IS NULL OR t.last_used_at < now() - interval '1 minute' AS stale,
              u.id AS user_id, u.name AS user_name, u.email, u.role
       FROM api_tokens t JOIN users u ON u.id = t.user_id
       WHERE t.token_hash = $1`,
      [sha256(secret)],
    )) as TokenRow[];
    if (!row) throw refused('Unknown API token: check it was copied whole, or create a new one');
    if (row.revoked) throw refused('This API token was revoked; create a new one');
    if (row.expired)
      throw refused(`This API token expired at ${row.expires_at?.toISOString()}; create a new one`);
    if (row.stale) await this.markUsed(row, address);
    return {
      tokenId: row.id,
      user: { id: row.user_id, name: row.user_name, email: row.email, role: row.role },
    };
  }

  /**
   * The row lock makes concurrent first calls agree: only the one that finds last_used_at empty
   * audits the first use, and a call within the minute after another writes nothing.
   */
  private async markUsed(row: TokenRow, address: string | undefined): Promise<void> {
    await this.db.transaction(async (m) => {
      const updated = (await m.query(
        `WITH prev AS (SELECT id, last_used_at FROM api_tokens WHERE id = $1 FOR UPDATE)
         UPDATE api_tokens t SET last_used_at = now() FROM prev
         WHERE t.id = prev.id AND (prev.last_used_at IS NULL OR prev.last_used_at < now() - interval '1 minute')
         RETURNING prev.last_used_at IS NULL AS first_use`,
        [row.id],
      )) as [{ first_use: boolean }[], number];
      if (!updated[0][0]?.first_use) return;
      await this.audit.record(
        {
          actorId: row.user_id,
          action: 'api_token.first_use',
          entityType: 'api_token',
          entityId: row.id,
          after: { name: row.name, prefix: row.token_prefix, address: address ?? null },
        },
        m,
      );
    });
  }
}
