import { Inject, Injectable } from '@nestjs/common';
import type { SourceList, SourceSigning, SourceView } from '@baton/api-contract';
import { DataSource, type EntityManager, SourceEntity } from '@baton/db';
import { API_CONFIG, type ApiConfig } from '../config/api-config';
import { notFound } from './people-errors';
import { readSigningState, toSigningView } from './source-signing';

/** Sources as the API shows them: the key's prefix only, never the key or its hash. */
export const toSourceView = (s: SourceEntity): SourceView => ({
  id: s.id,
  slug: s.slug,
  name: s.name,
  apiKeyPrefix: s.apiKeyPrefix,
  allowedOrigins: s.allowedOrigins,
  thankYouUrl: s.thankYouUrl,
  flowId: s.flowId,
  active: s.active,
  createdAt: s.createdAt.toISOString(),
});

/** What the audit log keeps of a source (the prefix tells keys apart; the key is never logged). */
export const sourceAuditSnapshot = (s: SourceView): Record<string, unknown> => {
  const { id: _id, createdAt: _createdAt, ...rest } = s;
  return rest;
};

@Injectable()
export class SourceReadService {
  constructor(
    @Inject(DataSource) private readonly db: DataSource,
    @Inject(API_CONFIG) private readonly config: ApiConfig,
  ) {}

  async list(): Promise<SourceList> {
    // apiKeyHash is select:false on the entity, so it is not even read.
    const rows = await this.db
      .getRepository(SourceEntity)
      .find({ order: { name: 'ASC', id: 'ASC' } });
    return { items: rows.map(toSourceView) };
  }

  async get(id: string, m: EntityManager = this.db.manager): Promise<SourceView> {
    const row = await m.getRepository(SourceEntity).findOneBy({ id });
    if (!row) throw notFound(`There is no source ${id}`);
    return toSourceView(row);
  }

  /** Whether the source requires signed requests (never the secret). */
  async signing(id: string): Promise<SourceSigning> {
    const state = await readSigningState(this.db.manager, id);
    return toSigningView(id, state, this.config.BATON_SIGNING_KEY);
  }
}
