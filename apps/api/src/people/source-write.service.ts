import { Inject, Injectable } from '@nestjs/common';
import type {
  CreateSource,
  CurrentUser,
  SourceSigning,
  SourceView,
  SourceWithKey,
  UpdateSource,
} from '@baton/api-contract';
import { DataSource, type EntityManager, SourceEntity } from '@baton/db';
import { AuditLogService } from '../audit/audit-log.service';
import { API_CONFIG, type ApiConfig } from '../config/api-config';
import { changedFields } from './audit-diff';
import { conflict, isUniqueViolation, notFound } from './people-errors';
import { assertFlowExists } from './references';
import { SourceKeysService } from './source-keys.service';
import { sourceAuditSnapshot, SourceReadService } from './source-read.service';
import {
  readSigningState,
  requireSigningKey,
  type SigningState,
  toSigningView,
} from './source-signing';

/**
 * Creates sources, rotates their keys and changes their settings (admins, audited). The API key
 * appears only in the answer to create and rotate-key; the database and the audit log never see it.
 * The same goes for the request-signing secret (enable and rotate), which is not even stored.
 */
@Injectable()
export class SourceWriteService {
  constructor(
    @Inject(DataSource) private readonly db: DataSource,
    @Inject(SourceReadService) private readonly sources: SourceReadService,
    @Inject(SourceKeysService) private readonly keys: SourceKeysService,
    @Inject(AuditLogService) private readonly audit: AuditLogService,
    @Inject(API_CONFIG) private readonly config: ApiConfig,
  ) {}

  async create(actor: CurrentUser, body: CreateSource): Promise<SourceWithKey> {
    const duplicate = () => conflict(`There is already a source with the slug "${body.slug}"`);
    try {
      return await this.db.transaction(async (m) => {
        if (await m.getRepository(SourceEntity).existsBy({ slug: body.slug })) throw duplicate();
        await assertFlowExists(m, body.flowId);
        const { apiKey, apiKeyHash, apiKeyPrefix } = this.keys.issue();
        const inserted = await m.getRepository(SourceEntity).insert({
          slug: body.slug,
          name: body.name,
          apiKeyHash,
          apiKeyPrefix,
          allowedOrigins: body.allowedOrigins ?? [],
          thankYouUrl: body.thankYouUrl ?? null,
          flowId: body.flowId ?? null,
        });
        const id = (inserted.identifiers[0] as { id: string }).id;
        const source = await this.sources.get(id, m);
        await this.audit.record(
          {
            actorId: actor.id,
            action: 'source.create',
            entityType: 'source',
            entityId: id,
            after: sourceAuditSnapshot(source),
          },
          m,
        );
        return { source, apiKey };
      });
    } catch (error) {
      if (isUniqueViolation(error)) throw duplicate();
      throw error;
    }
  }

  /** A new key; the old one stops working with this commit (intake looks keys up on every request). */
  async rotateKey(actor: CurrentUser, id: string): Promise<SourceWithKey> {
    return this.db.transaction(async (m) => {
      const before = await this.lock(m, id);
      const { apiKey, apiKeyHash, apiKeyPrefix } = this.keys.issue();
      await m.getRepository(SourceEntity).update({ id }, { apiKeyHash, apiKeyPrefix });
      const source = await this.sources.get(id, m);
      await this.audit.record(
        {
          actorId: actor.id,
          action: 'source.rotate_key',
          entityType: 'source',
          entityId: id,
          before: { apiKeyPrefix: before.apiKeyPrefix },
          after: { apiKeyPrefix: source.apiKeyPrefix },
        },
        m,
      );
      return { source, apiKey };
    });
  }

  async update(actor: CurrentUser, id: string, body: UpdateSource): Promise<SourceView> {
    return this.db.transaction(async (m) => {
      const before = await this.lock(m, id);
      await assertFlowExists(m, body.flowId);
      await m.getRepository(SourceEntity).update({ id }, body);
      const after = await this.sources.get(id, m);
      const diff = changedFields(sourceAuditSnapshot(before), sourceAuditSnapshot(after));
      if (Object.keys(diff.after).length > 0) {
        await this.audit.record(
          {
            actorId: actor.id,
            action: 'source.update',
            entityType: 'source',
            entityId: id,
            ...diff,
          },
          m,
        );
      }
      return after;
    });
  }

  /**
   * Requires (or stops requiring) signed intake. Enabling bumps the key version and answers with
   * the new secret, once: a secret from an earlier enable does not come back to life. Enabling
   * again is a 409, since the secret cannot be shown twice and silently replacing it would
   * break the sender; rotate does that on purpose. Disabling twice is a no-op.
   */
  async setSigning(actor: CurrentUser, id: string, required: boolean): Promise<SourceSigning> {
    const masterKey = required
      ? requireSigningKey(this.config.BATON_SIGNING_KEY)
      : this.config.BATON_SIGNING_KEY;
    return this.db.transaction(async (m) => {
      const before = await readSigningState(m, id, true);
      if (before.signatureRequired === required) {
        if (!required) return toSigningView(id, before, masterKey);
        throw conflict(
          `Source ${id} already requires signed requests and its secret cannot be shown again; POST /api/v1/sources/${id}/signing/rotate issues a new one`,
        );
      }
      const after: SigningState = required
        ? { signatureRequired: true, signingKeyVersion: before.signingKeyVersion + 1 }
        : { ...before, signatureRequired: false };
      await this.saveSigning(m, actor, id, required ? 'enable' : 'disable', before, after);
      return toSigningView(id, after, masterKey, required);
    });
  }

  /** A new signing secret; the old one stops working with this commit (intake reads the version per request). */
  async rotateSigning(actor: CurrentUser, id: string): Promise<SourceSigning> {
    const masterKey = requireSigningKey(this.config.BATON_SIGNING_KEY);
    return this.db.transaction(async (m) => {
      const before = await readSigningState(m, id, true);
      if (!before.signatureRequired) {
        throw conflict(
          `Source ${id} does not require signed requests; POST /api/v1/sources/${id}/signing with {"required": true} enables signing and returns the secret`,
        );
      }
      const after = { ...before, signingKeyVersion: before.signingKeyVersion + 1 };
      await this.saveSigning(m, actor, id, 'rotate', before, after);
      return toSigningView(id, after, masterKey, true);
    });
  }

  /** The audit entry has the flag and the version only, never the secret. */
  private async saveSigning(
    m: EntityManager,
    actor: CurrentUser,
    id: string,
    change: 'enable' | 'disable' | 'rotate',
    before: SigningState,
    after: SigningState,
  ): Promise<void> {
    await m.getRepository(SourceEntity).update({ id }, after);
    await this.audit.record(
      {
        actorId: actor.id,
        action: `source.signing_${change}`,
        entityType: 'source',
        entityId: id,
        before: { ...before },
        after: { ...after },
      },
      m,
    );
  }

  private async lock(m: EntityManager, id: string): Promise<SourceView> {
    const rows: unknown[] = await m.query(`SELECT 1 FROM sources WHERE id = $1 FOR UPDATE`, [id]);
    if (rows.length === 0) throw notFound(`There is no source ${id}`);
    return this.sources.get(id, m);
  }
}
