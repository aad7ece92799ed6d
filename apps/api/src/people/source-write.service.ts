import { Inject, Injectable } from '@nestjs/common';
import type {
  CreateSource,
  CurrentUser,
  SourceView,
  SourceWithKey,
  UpdateSource,
} from '@baton/api-contract';
import { DataSource, type EntityManager, SourceEntity } from '@baton/db';
import { AuditLogService } from '../audit/audit-log.service';
import { changedFields } from './audit-diff';
import { conflict, isUniqueViolation, notFound } from './people-errors';
import { assertFlowExists } from './references';
import { SourceKeysService } from './source-keys.service';
import { sourceAuditSnapshot, SourceReadService } from './source-read.service';

/**
 * Creates sources, rotates their keys and changes their settings (admins, audited). The API key
 * appears only in the answer to create and rotate-key; the database and the audit log never see it.
 */
@Injectable()
export class SourceWriteService {
  constructor(
    @Inject(DataSource) private readonly db: DataSource,
    @Inject(SourceReadService) private readonly sources: SourceReadService,
    @Inject(SourceKeysService) private readonly keys: SourceKeysService,
    @Inject(AuditLogService) private readonly audit: AuditLogService,
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

  private async lock(m: EntityManager, id: string): Promise<SourceView> {
    const rows: unknown[] = await m.query(`SELECT 1 FROM sources WHERE id = $1 FOR UPDATE`, [id]);
    if (rows.length === 0) throw notFound(`There is no source ${id}`);
    return this.sources.get(id, m);
  }
}
