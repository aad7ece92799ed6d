import { ForbiddenException, Inject, Injectable } from '@nestjs/common';
import type { ChangePassword, CurrentUser } from '@baton/api-contract';
import { DataSource, UserEntity } from '@baton/db';
import { AuditLogService } from '../audit/audit-log.service';
import { hashPassword, verifyPassword } from '../auth/password-hasher';
import { PasswordGuessThrottle } from '../rate-limit/password-guess-throttle.service';
import { invalidField, notFound } from './people-errors';

/** The request a change comes in: the session it keeps, and the address that pays for guesses. */
export interface PasswordChangeOrigin {
  sessionId?: string;
  address?: string;
}

/**
 * Sets a password: an admin for anyone, everyone for themselves with their current password.
 * Every other session of that person ends, so a leaked session dies with the old password.
 */
@Injectable()
export class UserPasswordService {
  constructor(
    @Inject(DataSource) private readonly db: DataSource,
    @Inject(AuditLogService) private readonly audit: AuditLogService,
    @Inject(PasswordGuessThrottle) private readonly throttle: PasswordGuessThrottle,
  ) {}

  async change(
    actor: CurrentUser,
    from: PasswordChangeOrigin,
    userId: string,
    body: ChangePassword,
  ): Promise<void> {
    const self = actor.id === userId;
    if (!self && actor.role !== 'admin') {
      throw new ForbiddenException({
        error: 'Forbidden',
        message: "Only an admin may set another person's password",
      });
    }
    const user = await this.db
      .getRepository(UserEntity)
      .createQueryBuilder('u')
      .addSelect('u.passwordHash')
      .where('u.id = :id', { id: userId })
      .getOne();
    if (!user) throw notFound(`There is no person ${userId}`);
    if (self) {
      if (!body.currentPassword) {
        throw invalidField('currentPassword', 'send your current password to change it');
      }
      // A stolen session must not become a way to guess the password: the same budgets as
      // sign-in, the account's and the address's, so one address cannot guess on many accounts.
      const attempt = { email: user.email, address: from.address };
      await this.throttle.attempt(attempt, 'wrong current passwords');
      if (!user.passwordHash || !(await verifyPassword(user.passwordHash, body.currentPassword))) {
        throw new ForbiddenException({
          error: 'Forbidden',
          message: 'The current password is wrong',
        });
      }
      await this.throttle.succeeded(attempt);
    }
    const passwordHash = await hashPassword(body.newPassword);
    await this.db.transaction(async (m) => {
      await m.getRepository(UserEntity).update({ id: userId }, { passwordHash });
      const ended: unknown[] = await m.query(
        `DELETE FROM sessions WHERE user_id = $1 AND ($2::uuid IS NULL OR id <> $2) RETURNING id`,
        [userId, self ? (from.sessionId ?? null) : null],
      );
      await this.audit.record(
        {
          actorId: actor.id,
          action: 'user.password_change',
          entityType: 'user',
          entityId: userId,
          before: { canSignIn: user.passwordHash !== null },
          after: { canSignIn: true, signedOutSessions: ended.length },
        },
        m,
      );
    });
  }
}
