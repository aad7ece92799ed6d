import { Inject, Injectable, ServiceUnavailableException } from '@nestjs/common';
import type { CreateInvitation, CurrentUser, InvitationSent } from '@baton/api-contract';
import { DataSource, UserEntity } from '@baton/db';
import { AuditLogService } from '../audit/audit-log.service';
import { newSecretToken, sha256 } from '../auth/secret-token';
import { API_CONFIG, type ApiConfig } from '../config/api-config';
import { conflict, notFound } from '../people/people-errors';
import { UserReadService } from '../people/user-read.service';
import { UserWriteService } from '../people/user-write.service';
import { invitationLink } from './invitation-link';
import { InvitationMailer } from './invitation-mailer';

const mailFailed = (who: string, error: unknown, added: boolean) =>
  new ServiceUnavailableException({
    error: 'Service Unavailable',
    message: `${added ? `${who} was added, but the` : 'The'} invitation email could not be sent (${
      error instanceof Error ? error.message : String(error)
    }). Check the mail settings (SMTP_URL) and send it again, or set a first password instead.`,
  });

/**
 * Invites people by email: a fresh one-time token per invitation (stored as sha256), replacing
 * any earlier link, sent in the same transaction so a link exists only if its mail went out.
 */
@Injectable()
export class InvitationIssueService {
  constructor(
    @Inject(DataSource) private readonly db: DataSource,
    @Inject(UserReadService) private readonly users: UserReadService,
    @Inject(UserWriteService) private readonly userWrite: UserWriteService,
    @Inject(AuditLogService) private readonly audit: AuditLogService,
    @Inject(InvitationMailer) private readonly mailer: InvitationMailer,
    @Inject(API_CONFIG) private readonly config: ApiConfig,
  ) {}

  /** Adds the person (without a password) and sends their link. */
  async inviteNew(actor: CurrentUser, body: CreateInvitation): Promise<InvitationSent> {
    this.assertMailConfigured();
    const existing = await this.db.getRepository(UserEntity).findOneBy({ email: body.email });
    if (existing) {
      const person = await this.users.get(existing.id);
      throw conflict(
        person.canSignIn
          ? `${person.name} (${person.email}) already has an account and can sign in`
          : `${person.name} (${person.email}) is already on the list; send their invitation from their row`,
      );
    }
    const user = await this.userWrite.create(actor, body);
    return this.issue(actor, user.id, true);
  }

  /** Sends a (new) link to someone already added who cannot sign in; the old link stops working. */
  async resend(actor: CurrentUser, userId: string): Promise<InvitationSent> {
    this.assertMailConfigured();
    return this.issue(actor, userId);
  }

  private async issue(actor: CurrentUser, userId: string, added = false): Promise<InvitationSent> {
    const token = newSecretToken();
    const expiresAt = new Date(Date.now() + this.config.INVITATION_TTL_HOURS * 3_600_000);
    return this.db.transaction(async (m) => {
      const locked: unknown[] = await m.query(`SELECT 1 FROM users WHERE id = $1 FOR UPDATE`, [
        userId,
      ]);
      if (locked.length === 0) throw notFound(`There is no person ${userId}`);
      const person = await this.users.get(userId, m);
      if (person.canSignIn) {
        throw conflict(
          `${person.name} already has a password and can sign in; they can change it themselves, or an admin can set a new one`,
        );
      }
      const replaced: unknown[] = await m.query(
        `SELECT 1 FROM invitations WHERE user_id = $1 AND accepted_at IS NULL`,
        [userId],
      );
      await m.query(
        `INSERT INTO invitations (user_id, token_hash, invited_by_id, expires_at)
         VALUES ($1, $2, $3, $4)
         ON CONFLICT (user_id) DO UPDATE SET token_hash = excluded.token_hash,
           invited_by_id = excluded.invited_by_id, expires_at = excluded.expires_at,
           accepted_at = NULL, created_at = now()`,
        [userId, sha256(token), actor.id, expiresAt],
      );
      await this.audit.record(
        {
          actorId: actor.id,
          action: replaced.length > 0 ? 'user.invitation_resend' : 'user.invite',
          entityType: 'user',
          entityId: userId,
          after: { email: person.email, expiresAt: expiresAt.toISOString() },
        },
        m,
      );
      try {
        await this.mailer.send({
          to: person.email,
          name: person.name,
          role: person.role,
          invitedBy: actor.name,
          link: invitationLink(this.config.publicUrl, token),
          expiresAt,
        });
      } catch (error) {
        // Rolls the link back: nobody holds a link that was never delivered.
        throw mailFailed(person.name, error, added);
      }
      const user = await this.users.get(userId, m);
      return { user, expiresAt: expiresAt.toISOString(), sentTo: person.email };
    });
  }

  private assertMailConfigured(): void {
    if (this.mailer.smtpUrl) return;
    throw new ServiceUnavailableException({
      error: 'Service Unavailable',
      message:
        'This install sends no email (SMTP_URL is not set), so invitations cannot be sent; add the person with a first password instead',
    });
  }
}
