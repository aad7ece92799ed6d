import { ConflictException, Inject, Injectable } from '@nestjs/common';
import type {
  CreateFlow,
  CurrentUser,
  FlowDetail,
  FlowImport,
  FlowImportResult,
  UpdateFlow,
} from '@baton/api-contract';
import { DataSource, type EntityManager } from '@baton/db';
import type { FlowGraph } from '@baton/flow';
import { AuditLogService } from '../audit/audit-log.service';
import { defaultFlowGraph } from './default-flow-graph';
import {
  assertIfMatch,
  draftEtag,
  draftRevisionSql,
  readDraftRevision,
} from './flow-draft-revision';
import { FlowReadService, flowNotFound } from './flow-read.service';

/**
 * Creates, edits (the draft only), imports and deletes flows. Published versions are never
 * touched here: see FlowPublishService.
 */
@Injectable()
export class FlowWriteService {
  constructor(
    @Inject(DataSource) private readonly db: DataSource,
    @Inject(FlowReadService) private readonly read: FlowReadService,
    @Inject(AuditLogService) private readonly audit: AuditLogService,
  ) {}

  create(input: CreateFlow, actor: CurrentUser): Promise<FlowDetail> {
    return this.db.transaction(async (m) => {
      const id = await this.insert(m, input.name, input.description, input.graph);
      await this.audit.record(
        {
          actorId: actor.id,
          action: 'flow.create',
          entityType: 'flow',
          entityId: id,
          after: { name: input.name, description: input.description },
        },
        m,
      );
      return this.read.detail(id, m);
    });
  }

  /** A new draft flow from an exported document; its problems come back as warnings. */
  importDocument(doc: FlowImport, actor: CurrentUser): Promise<FlowImportResult> {
    return this.db.transaction(async (m) => {
      const id = await this.insert(m, doc.name, doc.description, doc.graph);
      await this.audit.record(
        {
          actorId: actor.id,
          action: 'flow.import',
          entityType: 'flow',
          entityId: id,
          after: {
            name: doc.name,
            description: doc.description,
            exportedAt: doc.exportedAt ?? null,
          },
        },
        m,
      );
      const flow = await this.read.detail(id, m);
      return { flow, warnings: flow.problems };
    });
  }

  /**
   * Saves the draft. The graph only has to be well-formed (the body schema saw to that); a
   * half-built flow is fine until it is published. Renames are audited; graph edits are not
   * (the immutable published versions are the record of what leads ran on). With `ifMatch` (the
   * ETag the editor loaded) a draft someone else saved in between is refused with a 409.
   */
  update(
    id: string,
    input: UpdateFlow,
    actor: CurrentUser,
    ifMatch?: string,
  ): Promise<{ flow: FlowDetail; etag: string }> {
    return this.db.transaction(async (m) => {
      const [before] = (await m.query(
        `SELECT name, description, ${draftRevisionSql()} AS revision FROM flows WHERE id = $1 FOR UPDATE`,
        [id],
      )) as { name: string; description: string; revision: string }[];
      if (!before) throw flowNotFound(id);
      assertIfMatch(ifMatch, before.revision);
      // clock_timestamp, not now(): a save that waited for the lock must still get a newer revision.
      await m.query(
        `UPDATE flows SET name = coalesce($2, name), description = coalesce($3, description),
                          draft_graph = coalesce($4::jsonb, draft_graph), updated_at = clock_timestamp()
         WHERE id = $1`,
        [
          id,
          input.name ?? null,
          input.description ?? null,
          input.graph ? JSON.stringify(input.graph) : null,
        ],
      );
      const revision = await readDraftRevision(m, id);
      if (revision === undefined) throw flowNotFound(id);
      const after = {
        name: input.name ?? before.name,
        description: input.description ?? before.description,
      };
      if (after.name !== before.name || after.description !== before.description) {
        await this.audit.record(
          {
            actorId: actor.id,
            action: 'flow.update',
            entityType: 'flow',
            entityId: id,
            before: { name: before.name, description: before.description },
            after,
          },
          m,
        );
      }
      return { flow: await this.read.detail(id, m), etag: draftEtag(revision) };
    });
  }

  /**
   * Only a flow nothing depends on can go: no source sends leads to it and it was never
   * published (leads may be pinned to any published version, and versions are kept for ever).
   */
  remove(id: string, actor: CurrentUser): Promise<void> {
    return this.db.transaction(async (m) => {
      // The row lock also holds back a concurrent "point this source at the flow" (its foreign
      // key check waits for us), so no source can slip in between the check and the delete.
      const [flow] = (await m.query(
        `SELECT name, description,
                (SELECT count(*)::int FROM flow_versions v WHERE v.flow_id = f.id) AS versions
         FROM flows f WHERE id = $1 FOR UPDATE`,
        [id],
      )) as { name: string; description: string; versions: number }[];
      if (!flow) throw flowNotFound(id);
      const sources = (await m.query(`SELECT name FROM sources WHERE flow_id = $1 ORDER BY name`, [
        id,
      ])) as { name: string }[];
      const reasons = [
        sources.length > 0 &&
          `${sources.length === 1 ? 'the source' : `${sources.length} sources`} ${sources
            .map((s) => `"${s.name}"`)
            .join(', ')} ${sources.length === 1 ? 'sends' : 'send'} leads to it`,
        flow.versions > 0 &&
          `it has ${flow.versions} published ${flow.versions === 1 ? 'version' : 'versions'} that leads may be pinned to`,
      ].filter((r): r is string => typeof r === 'string');
      if (reasons.length > 0) {
        throw new ConflictException({
          error: 'Conflict',
          message: `The flow "${flow.name}" cannot be deleted: ${reasons.join('; ')}`,
        });
      }
      await m.query(`DELETE FROM flows WHERE id = $1`, [id]);
      await this.audit.record(
        {
          actorId: actor.id,
          action: 'flow.delete',
          entityType: 'flow',
          entityId: id,
          before: { name: flow.name, description: flow.description },
        },
        m,
      );
    });
  }

  /**
   * Puts a flow away: no source may feed it (so none can start a lead on it), leads already on
   * one of its versions finish there, and it can be restored. Archiving twice changes nothing.
   */
  archive(id: string, actor: CurrentUser): Promise<FlowDetail> {
    return this.setArchived(id, actor, true);
  }

  restore(id: string, actor: CurrentUser): Promise<FlowDetail> {
    return this.setArchived(id, actor, false);
  }

  private setArchived(id: string, actor: CurrentUser, archived: boolean): Promise<FlowDetail> {
    return this.db.transaction(async (m) => {
      // Locked as in remove: a source cannot be pointed at it between the check and the write.
      const [flow] = (await m.query(
        `SELECT name, archived_at FROM flows WHERE id = $1 FOR UPDATE`,
        [id],
      )) as { name: string; archived_at: Date | null }[];
      if (!flow) throw flowNotFound(id);
      if ((flow.archived_at !== null) === archived) return this.read.detail(id, m);
      if (archived) {
        const sources = (await m.query(
          `SELECT name FROM sources WHERE flow_id = $1 ORDER BY name`,
          [id],
        )) as { name: string }[];
        if (sources.length > 0) {
          throw new ConflictException({
            error: 'Conflict',
            message: `The flow "${flow.name}" cannot be archived while ${sources
              .map((s) => `"${s.name}"`)
              .join(', ')} ${sources.length === 1 ? 'sends' : 'send'} leads to it: point ${
              sources.length === 1 ? 'that source' : 'those sources'
            } at another flow first`,
          });
        }
      }
      await m.query(
        `UPDATE flows SET archived_at = ${archived ? 'clock_timestamp()' : 'NULL'} WHERE id = $1`,
        [id],
      );
      await this.audit.record(
        {
          actorId: actor.id,
          action: archived ? 'flow.archive' : 'flow.restore',
          entityType: 'flow',
          entityId: id,
          before: { archivedAt: flow.archived_at?.toISOString() ?? null },
          after: { archived },
        },
        m,
      );
      return this.read.detail(id, m);
    });
  }

  private async insert(
    m: EntityManager,
    name: string,
    description: string,
    graph: FlowGraph | undefined,
  ): Promise<string> {
    const [row] = (await m.query(
      `INSERT INTO flows (name, description, draft_graph) VALUES ($1, $2, $3) RETURNING id`,
      [name, description, JSON.stringify(graph ?? defaultFlowGraph())],
    )) as { id: string }[];
    if (!row) throw new Error('Inserting a flow returned no id');
    return row.id;
  }
}
