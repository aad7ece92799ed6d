import { Inject, Injectable } from '@nestjs/common';
import type {
  ApiToken,
  CreateApiToken,
  CreatedApiToken,
  CurrentUser,
  OwnedApiToken,
} from '@baton/api-contract';
import { DataSource, type EntityManager } from '@baton/db';
import { AuditLogService } from '../audit/audit-log.service';
import { conflict, notFound } from '../people/people-errors';
import { ApiTokenReadService } from './api-token-read.service';
import { issueApiToken } from './api-token-secret';

/** Enough for every script a person runs; a cap keeps a leaked session from minting thousands. */
export const MAX_ACTIVE_TOKENS_PER_PERSON = 50;

const withoutOwner = ({ owner: _owner, ...token }: OwnedApiToken): ApiToken => token;

/**
 * Creates and revokes personal API tokens, audited in the same transaction. The secret appears
 * only in the answer to create; the database and the audit log keep its hash and prefix.
 */
@Injectable()
export class ApiTokenWriteService {
  constructor(
    @Inject(DataSource) private readonly db: DataSource,
    @Inject(ApiTokenReadService) private readonly tokens: ApiTokenReadService,
    @Inject(AuditLogService) private readonly audit: AuditLogService,
  ) {}

  async create(person: CurrentUser, body: CreateApiToken): Promise<CreatedApiToken> {
    return this.db.transaction(async (m) => {
      // Locks the person, so two concurrent creates cannot both slip under the cap.
      await m.query(`SELECT 1 FROM users WHERE id = $1 FOR UPDATE`, [person.id]);
      const [{ n }] = (await m.query(
        `SELECT count(*)::int AS n FROM api_tokens
         WHERE user_id = $1 AND revoked_at IS NULL AND (expires_at IS NULL OR expires_at > now())`,
        [person.id],
      )) as [{ n: number }];
      if (n >= MAX_ACTIVE_TOKENS_PER_PERSON) {
        throw conflict(
          `You have ${n} active API tokens, the most one person may have; revoke one you no longer use first`,
        );
      }
      const { secret, tokenHash, tokenPrefix } = issueApiToken();
      const [{ id }] = (await m.query(
        `INSERT INTO api_tokens (user_id, name, token_hash, token_prefix, expires_at)
         VALUES ($1, $2, $3, $4, CASE WHEN $5::int IS NULL THEN NULL ELSE now() + make_interval(days => $5::int) END)
         RETURNING id`,
        [person.id, body.name, tokenHash, tokenPrefix, body.expiresInDays ?? null],
      )) as [{ id: string }];
      const token = await this.mustGet(m, id);
      await this.audit.record(
        {
          actorId: person.id,
          action: 'api_token.create',
          entityType: 'api_token',
          entityId: id,
          after: { name: token.name, prefix: token.prefix, expiresAt: token.expiresAt },
        },
        m,
      );
      return { token: withoutOwner(token), secret };
    });
  }

  /**
   * Revokes a token: the person's own, or (`anyone`, admins) anybody's. It stops working with
   * this commit, since AuthGuard looks tokens up on every request. Revoking twice is a no-op.
   */
  async revoke(actor: CurrentUser, id: string, anyone: boolean): Promise<void> {
    await this.db.transaction(async (m) => {
      const [found] = (await m.query(
        `SELECT user_id, revoked_at IS NOT NULL AS revoked FROM api_tokens WHERE id = $1 FOR UPDATE`,
        [id],
      )) as { user_id: string; revoked: boolean }[];
      // Someone else's token answers like a missing one: nobody learns which ids exist.
      if (!found || (!anyone && found.user_id !== actor.id))
        throw notFound(`You have no API token ${id}`);
      if (found.revoked) return;
      const before = await this.mustGet(m, id);
      await m.query(`UPDATE api_tokens SET revoked_at = now(), revoked_by_id = $2 WHERE id = $1`, [
        id,
        actor.id,
      ]);
      await this.audit.record(
        {
          actorId: actor.id,
          action: 'api_token.revoke',
          entityType: 'api_token',
          entityId: id,
          before: { state: before.state },
          after: {
            state: 'revoked',
            name: before.name,
            prefix: before.prefix,
            ownerId: before.owner.id,
          },
        },
        m,
      );
    });
  }

  private async mustGet(m: EntityManager, id: string): Promise<OwnedApiToken> {
    const token = await this.tokens.get(id, m);
    if (!token) throw new Error(`API token ${id} vanished inside its own transaction`);
    return token;
  }
}
