import { Inject, Injectable } from '@nestjs/common';
import { DataSource, SessionEntity, UserEntity } from '@baton/db';
import type { CurrentUser } from '@baton/api-contract';
import { API_CONFIG, type ApiConfig } from '../config/api-config';
import { newSecretToken, sha256 } from './secret-token';

export interface ResolvedSession {
  sessionId: string;
  csrfToken: string;
  user: CurrentUser;
}

@Injectable()
export class SessionService {
  constructor(
    @Inject(DataSource) private readonly db: DataSource,
    @Inject(API_CONFIG) private readonly config: ApiConfig,
  ) {}

  async create(userId: string): Promise<{ token: string; csrfToken: string; expiresAt: Date }> {
    const token = newSecretToken();
    const csrfToken = newSecretToken(24);
    const expiresAt = new Date(Date.now() + this.config.SESSION_TTL_HOURS * 3_600_000);
    await this.db
      .getRepository(SessionEntity)
      .insert({ userId, tokenHash: sha256(token), csrfToken, expiresAt });
    return { token, csrfToken, expiresAt };
  }

  async resolve(token: string): Promise<ResolvedSession | null> {
    const row = await this.db
      .getRepository(SessionEntity)
      .createQueryBuilder('s')
      .innerJoinAndMapOne('s.user', UserEntity, 'u', 'u.id = s.user_id')
      .where('s.token_hash = :h AND s.expires_at > now()', { h: sha256(token) })
      .getOne();
    if (!row) return null;
    const user = (row as SessionEntity & { user: UserEntity }).user;
    return {
      sessionId: row.id,
      csrfToken: row.csrfToken,
      user: { id: user.id, name: user.name, email: user.email, role: user.role },
    };
  }

  async revoke(sessionId: string): Promise<void> {
    await this.db.getRepository(SessionEntity).delete({ id: sessionId });
  }
}
