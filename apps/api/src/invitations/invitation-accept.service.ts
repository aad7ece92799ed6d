import {
  ConflictException,
  GoneException,
  Inject,
  Injectable,
  NotFoundException,
} from '@nestjs/common';
import type { CurrentUser, InvitationLookup } from '@baton/api-contract';
import { DataSource, type EntityManager } from '@baton/db';
import { AuditLogService } from '../audit/audit-log.service';
import { hashPassword } from '../auth/password-hasher';
import { sha256 } from '../auth/secret-token';

interface InvitationRow {
  id: string;
  user_id: string;
  expires_at: Date;
  accepted_at: Date | null;
  name: string;
  email: string;
  role: CurrentUser['role'];
  /** By the database clock, which every replica shares. */
  expired: boolean;
}

// The holder of a link learns whose it is and nothing else; a wrong token learns nothing at all.
const unknownLink = () =>
  new NotFoundException({
    error: 'Not Found',
    message: 'This invitation link is not valid; ask your admin for a new link',
  });
const usedLink = () =>
  new ConflictException({
    error: 'Conflict',
    message: 'This invitation link was already used; sign in, or ask your admin for a new link',
  });
const expiredLink = () =>
  new GoneException({
    error: 'Gone',
    message: 'This invitation link has expired; ask your admin for a new link',
  });

/** Looks up and accepts invitation links (public: the token is the only credential). */
@Injectable()
export class InvitationAcceptService {
  constructor(
    @Inject(DataSource) private readonly db: DataSource,
    @Inject(AuditLogService) private readonly audit: AuditLogService,
  ) {}

  /** Whether the token names an invitation at all (used or not): spends no guessing budget. */
  async exists(token: string): Promise<boolean> {
    const rows: unknown[] = await this.db.query(`SELECT 1 FROM invitations WHERE token_hash = $1`, [
      sha256(token),
    ]);
    return rows.length > 0;
  }

  async lookup(token: string): Promise<InvitationLookup> {
    const row = usable(await this.find(this.db.manager, token, false));
    return { name: row.name, email: row.email, expiresAt: row.expires_at.toISOString() };
  }

  /** Sets the password and spends the link, in one transaction; answers who is now signing in. */
  async accept(token: string, password: string): Promise<CurrentUser> {
    const passwordHash = await hashPassword(password);
    return this.db.transaction(async (m) => {
      const row = usable(await this.find(m, token, true));
      await m.query(`UPDATE invitations SET accepted_at = now() WHERE id = $1`, [row.id]);
      await m.query(
        `UPDATE users SET password_hash = $2, status = 'available', updated_at = now() WHERE id = $1`,
        [row.user_id, passwordHash],
      );
      await this.audit.record(
        {
          actorId: row.user_id,
          action: 'user.invitation_accept',
          entityType: 'user',
          entityId: row.user_id,
          after: { canSignIn: true },
        },
        m,
      );
      return { id: row.user_id, name: row.name, email: row.email, role: row.role };
    });
  }

  private async find(
    m: EntityManager,
    token: string,
    lock: boolean,
  ): Promise<InvitationRow | undefined> {
    const [row] = (await m.query(
      `SELECT i.id, i.user_id, i.expires_at, i.accepted_at, u.name, u.email, u.role,
              (i.expires_at <= now()) AS expired
       FROM invitations i JOIN users u ON u.id = i.user_id
       WHERE i.token_hash = $1 ${lock ? 'FOR UPDATE OF i' : ''}`,
      [sha256(token)],
    )) as InvitationRow[];
    return row;
  }
}

function usable(row: InvitationRow | undefined): InvitationRow {
  if (!row) throw unknownLink();
  if (row.accepted_at) throw usedLink();
  if (row.expired) throw expiredLink();
  return row;
}
