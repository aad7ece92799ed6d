import { Inject, Injectable } from '@nestjs/common';
import type { Role, SsoErrorCode } from '@baton/api-contract';
import { DataSource, UserEntity } from '@baton/db';
import { AuditLogService } from '../../audit/audit-log.service';
import type { OidcSettings } from './oidc-config';
import { roleFromClaims } from './oidc-role-mapping';
import { isDeactivated } from './user-deactivation';

export type SsoAccountMatch =
  { ok: true; userId: string } | { ok: false; code: SsoErrorCode; email?: string };

/**
 * Finds the Baton person for the provider's claims: by verified email only (SSO never creates
 * people; an admin invites them), and takes the role from the claim when a mapping is configured.
 */
@Injectable()
export class SsoAccountService {
  constructor(
    @Inject(DataSource) private readonly db: DataSource,
    @Inject(AuditLogService) private readonly audit: AuditLogService,
  ) {}

  async match(settings: OidcSettings, claims: Record<string, unknown>): Promise<SsoAccountMatch> {
    const email = typeof claims['email'] === 'string' ? claims['email'].trim().toLowerCase() : '';
    if (!email) return { ok: false, code: 'no_email' };
    // An unverified address could be anyone's: matching it would hand them that person's account.
    if (claims['email_verified'] !== true) return { ok: false, code: 'unverified_email', email };
    const user = await this.db.getRepository(UserEntity).findOneBy({ email });
    if (!user) return { ok: false, code: 'no_account', email };
    if (await isDeactivated(this.db, user.id)) return { ok: false, code: 'deactivated', email };
    if (settings.roleMapping) {
      const role = roleFromClaims(settings.roleMapping, claims);
      if (!role) return { ok: false, code: 'no_role', email };
      if (role !== user.role) await this.changeRole(user, role, settings.roleMapping.claim);
    }
    return { ok: true, userId: user.id };
  }

  /** The provider is the source of truth for roles once a mapping is configured; audited. */
  private async changeRole(user: UserEntity, role: Role, claim: string): Promise<void> {
    await this.db.transaction(async (m) => {
      await m.query(`UPDATE users SET role = $2, updated_at = now() WHERE id = $1`, [
        user.id,
        role,
      ]);
      await this.audit.record(
        {
          actorId: null,
          action: 'user.sso_role',
          entityType: 'user',
          entityId: user.id,
          before: { role: user.role },
          after: { role, via: `single sign-on claim ${claim}` },
        },
        m,
      );
    });
  }
}
