import { Inject, Injectable, NotFoundException } from '@nestjs/common';
import type { FlowDetail, FlowList, FlowVersionList, FlowVersionView } from '@baton/api-contract';
import { DataSource, type EntityManager } from '@baton/db';
import { type FlowGraph, validateGraph } from '@baton/flow';
import { toVersionSummary, VERSION_COLUMNS, VERSION_JOINS, type VersionRow } from './flow-rows';
import { readDraftRevision } from './flow-draft-revision';
import { loadKnownReferences } from './known-references';

type Queryable = Pick<EntityManager, 'query'>;

/** The draft as stored (always written through flowGraphSchema, so it is graph-shaped). */
export interface FlowDraft {
  id: string;
  name: string;
  description: string;
  draftGraph: FlowGraph;
}

export const flowNotFound = (id: string) => new NotFoundException(`Flow ${id} does not exist`);

/** Lists, drafts and published versions of flows; no writes. */
@Injectable()
export class FlowReadService {
  constructor(@Inject(DataSource) private readonly db: DataSource) {}

  async list(): Promise<FlowList> {
    const rows: {
      id: string;
      name: string;
      description: string;
      published_version: number | null;
      published_at: Date | null;
      draft_changed: boolean;
      source_count: number;
      archived_at: Date | null;
      created_at: Date;
      updated_at: Date;
    }[] = await this.db.query(
      `SELECT f.id, f.name, f.description, f.created_at, f.updated_at, f.archived_at,
              v.version AS published_version, v.published_at,
              (v.id IS NULL OR f.draft_graph IS DISTINCT FROM v.graph) AS draft_changed,
              (SELECT count(*)::int FROM sources s WHERE s.flow_id = f.id) AS source_count
       FROM flows f LEFT JOIN flow_versions v ON v.id = f.published_version_id
       ORDER BY lower(f.name), f.id`,
    );
    return {
      items: rows.map((r) => ({
        id: r.id,
        name: r.name,
        description: r.description,
        publishedVersion: r.published_version,
        publishedAt: r.published_at?.toISOString() ?? null,
        draftChanged: r.draft_changed,
        sourceCount: r.source_count,
        archivedAt: r.archived_at?.toISOString() ?? null,
        createdAt: r.created_at.toISOString(),
        updatedAt: r.updated_at.toISOString(),
      })),
    };
  }

  /** The draft with its published version, sources and publish problems. */
  async detail(id: string, db: Queryable = this.db): Promise<FlowDetail> {
    const [row] = (await db.query(
      `SELECT f.id, f.name, f.description, f.draft_graph, f.created_at, f.updated_at, f.archived_at,
              (v.id IS NULL OR f.draft_graph IS DISTINCT FROM v.graph) AS draft_changed,
              (SELECT count(*)::int FROM flow_versions x WHERE x.flow_id = f.id) AS version_count,
              coalesce((SELECT json_agg(json_build_object('id', s.id, 'name', s.name, 'slug', s.slug)
                                        ORDER BY s.name, s.id)
                        FROM sources s WHERE s.flow_id = f.id), '[]') AS sources
       FROM flows f LEFT JOIN flow_versions v ON v.id = f.published_version_id
       WHERE f.id = $1`,
      [id],
    )) as {
      id: string;
      name: string;
      description: string;
      draft_graph: FlowGraph;
      draft_changed: boolean;
      version_count: number;
      sources: FlowDetail['sources'];
      archived_at: Date | null;
      created_at: Date;
      updated_at: Date;
    }[];
    if (!row) throw flowNotFound(id);
    const [published] = (await db.query(
      `SELECT ${VERSION_COLUMNS} FROM flow_versions v ${VERSION_JOINS}
       WHERE v.flow_id = $1 AND v.id = f.published_version_id`,
      [id],
    )) as VersionRow[];
    const { problems } = validateGraph(row.draft_graph, {
      references: await loadKnownReferences(db),
    });
    return {
      id: row.id,
      name: row.name,
      description: row.description,
      draftGraph: row.draft_graph,
      draftChanged: row.draft_changed,
      published: published ? toVersionSummary(published) : null,
      versionCount: row.version_count,
      sources: row.sources,
      problems,
      archivedAt: row.archived_at?.toISOString() ?? null,
      createdAt: row.created_at.toISOString(),
      updatedAt: row.updated_at.toISOString(),
    };
  }

  async draft(id: string, db: Queryable = this.db): Promise<FlowDraft> {
    const [row] = (await db.query(
      `SELECT id, name, description, draft_graph FROM flows WHERE id = $1`,
      [id],
    )) as { id: string; name: string; description: string; draft_graph: FlowGraph }[];
    if (!row) throw flowNotFound(id);
    return {
      id: row.id,
      name: row.name,
      description: row.description,
      draftGraph: row.draft_graph,
    };
  }

  /** The draft's revision (its ETag), or undefined when there is no such flow. */
  revision(id: string): Promise<string | undefined> {
    return readDraftRevision(this.db, id);
  }

  /** Publish history, newest first. */
  async versions(id: string): Promise<FlowVersionList> {
    await this.draft(id);
    const rows: VersionRow[] = await this.db.query(
      `SELECT ${VERSION_COLUMNS} FROM flow_versions v ${VERSION_JOINS}
       WHERE v.flow_id = $1 ORDER BY v.version DESC`,
      [id],
    );
    return { items: rows.map(toVersionSummary) };
  }

  async version(id: string, version: number, db: Queryable = this.db): Promise<FlowVersionView> {
    const [row] = (await db.query(
      `SELECT ${VERSION_COLUMNS}, v.flow_id, v.graph FROM flow_versions v ${VERSION_JOINS}
       WHERE v.flow_id = $1 AND v.version = $2`,
      [id, version],
    )) as (VersionRow & { flow_id: string; graph: FlowGraph })[];
    if (!row) {
      await this.draft(id, db);
      throw new NotFoundException(`Flow ${id} has no version ${version}`);
    }
    return { ...toVersionSummary(row), flowId: row.flow_id, graph: row.graph };
  }
}
