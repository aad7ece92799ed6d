import { Inject, Injectable } from '@nestjs/common';
import type {
  ApiToken,
  ApiTokenListQuery,
  ApiTokenState,
  OwnedApiToken,
  Role,
} from '@baton/api-contract';
import { DataSource, type EntityManager } from '@baton/db';

interface TokenRow {
  id: string;
  name: string;
  token_prefix: string;
  state: ApiTokenState;
  created_at: Date;
  last_used_at: Date | null;
  expires_at: Date | null;
  revoked_at: Date | null;
  user_id: string;
  user_name: string;
  email: string;
  role: Role;
}

// The state is computed by the database clock, the same one AuthGuard's lookup uses.
const SELECT = `
  SELECT t.id, t.name, t.token_prefix, t.created_at, t.last_used_at, t.expires_at, t.revoked_at,
         CASE WHEN t.revoked_at IS NOT NULL THEN 'revoked'
              WHEN t.expires_at IS NOT NULL AND t.expires_at <= now() THEN 'expired'
              ELSE 'active' END AS state,
         u.id AS user_id, u.name AS user_name, u.email, u.role
  FROM api_tokens t JOIN users u ON u.id = t.user_id`;

const iso = (d: Date | null) => (d ? d.toISOString() : null);

function toView(row: TokenRow): ApiToken {
  return {
    id: row.id,
    name: row.name,
    prefix: row.token_prefix,
    state: row.state,
    createdAt: row.created_at.toISOString(),
    lastUsedAt: iso(row.last_used_at),
    expiresAt: iso(row.expires_at),
    revokedAt: iso(row.revoked_at),
  };
}

const toOwnedView = (row: TokenRow): OwnedApiToken => ({
  ...toView(row),
  owner: { id: row.user_id, name: row.user_name, email: row.email, role: row.role },
});

/** Lists tokens: a person's own (all of them, newest first), or everyone's for admins. */
@Injectable()
export class ApiTokenReadService {
  constructor(@Inject(DataSource) private readonly db: DataSource) {}

  async listMine(userId: string): Promise<ApiToken[]> {
    const rows = (await this.db.query(
      `${SELECT} WHERE t.user_id = $1 ORDER BY t.created_at DESC, t.id`,
      [userId],
    )) as TokenRow[];
    return rows.map(toView);
  }

  async listAll(query: ApiTokenListQuery): Promise<OwnedApiToken[]> {
    const rows = (await this.db.query(
      `${SELECT}
       WHERE ($1::uuid IS NULL OR t.user_id = $1)
         AND ($2 = 'all' OR (t.revoked_at IS NULL AND (t.expires_at IS NULL OR t.expires_at > now())))
       ORDER BY u.name, t.created_at DESC, t.id`,
      [query.userId ?? null, query.state],
    )) as TokenRow[];
    return rows.map(toOwnedView);
  }

  async get(id: string, m: Pick<EntityManager, 'query'> = this.db): Promise<OwnedApiToken | null> {
    const [row] = (await m.query(`${SELECT} WHERE t.id = $1`, [id])) as TokenRow[];
    return row ? toOwnedView(row) : null;
  }
}
