import { Inject, Injectable } from '@nestjs/common';
import type { CurrentUser, FlowVersionView, PublishFlow } from '@baton/api-contract';
import { DataSource } from '@baton/db';
import { flowGraphSchema, validateGraph } from '@baton/flow';
import { AuditLogService } from '../audit/audit-log.service';
import { assertIfMatch, draftRevisionSql } from './flow-draft-revision';
import { FlowProblemsException } from './flow-problems.exception';
import { FlowReadService, flowNotFound } from './flow-read.service';
import { FlowTestCasesFailedException } from './flow-test-cases-failed.exception';
import { FlowTestRunService } from './flow-test-run.service';
import { loadKnownReferences } from './known-references';
import { checkCustomSteps, loadWorkerActivities } from './worker-activities';

/**
 * Publishing freezes the draft into a new immutable version (max + 1) and makes it the one new
 * leads are pinned to. Leads already running keep the version they started with.
 */
@Injectable()
export class FlowPublishService {
  constructor(
    @Inject(DataSource) private readonly db: DataSource,
    @Inject(FlowReadService) private readonly read: FlowReadService,
    @Inject(AuditLogService) private readonly audit: AuditLogService,
    @Inject(FlowTestRunService) private readonly tests: FlowTestRunService,
  ) {}

  /** With `ifMatch`, refuses (409) to publish a draft that changed since the editor last saw it. */
  publish(
    id: string,
    actor: CurrentUser,
    input: PublishFlow = {},
    ifMatch?: string,
  ): Promise<FlowVersionView> {
    return this.db.transaction(async (m) => {
      // Locked: two publishes of one flow take turns, so version numbers never collide.
      const [flow] = (await m.query(
        `SELECT f.draft_graph, f.published_version_id, v.version AS published_version,
                ${draftRevisionSql('f')} AS revision
         FROM flows f LEFT JOIN flow_versions v ON v.id = f.published_version_id
         WHERE f.id = $1 FOR UPDATE OF f`,
        [id],
      )) as {
        draft_graph: unknown;
        published_version_id: string | null;
        published_version: number | null;
        revision: string;
      }[];
      if (!flow) throw flowNotFound(id);
      assertIfMatch(ifMatch, flow.revision);

      const check = validateGraph(flow.draft_graph, { references: await loadKnownReferences(m) });
      if (!check.ok) throw new FlowProblemsException(check.problems);
      // The canonical form (no canvas UI state), whatever wrote the draft.
      const graph = flowGraphSchema.parse(flow.draft_graph);
      // Custom steps run on workers: each needs a registered activity at its version.
      const custom = checkCustomSteps(graph, await loadWorkerActivities(m));
      if (custom.problems.length > 0) throw new FlowProblemsException(custom.problems);
      // The flow's own regression tests, with the roster simulate uses: none may fail.
      const tests = await this.tests.runGraph(id, graph, 'draft', m);
      if (tests.failed > 0) throw new FlowTestCasesFailedException(tests);

      const [created] = (await m.query(
        `INSERT INTO flow_versions (flow_id, version, graph, published_by_id, note, plugin_versions)
         SELECT $1, coalesce(max(version), 0) + 1, $2, $3, $4, $5 FROM flow_versions WHERE flow_id = $1
         RETURNING id, version`,
        [
          id,
          JSON.stringify(graph),
          actor.id,
          input.note ?? null,
          Object.keys(custom.pluginVersions).length > 0
            ? JSON.stringify(custom.pluginVersions)
            : null,
        ],
      )) as { id: string; version: number }[];
      if (!created) throw new Error('Inserting a flow version returned nothing');
      await m.query(`UPDATE flows SET published_version_id = $2 WHERE id = $1`, [id, created.id]);
      await this.audit.record(
        {
          actorId: actor.id,
          action: 'flow.publish',
          entityType: 'flow',
          entityId: id,
          before: {
            publishedVersionId: flow.published_version_id,
            version: flow.published_version,
          },
          after: {
            publishedVersionId: created.id,
            version: created.version,
            ...(input.note ? { note: input.note } : {}),
            ...(tests.total > 0 ? { testCases: { total: tests.total, passed: tests.passed } } : {}),
          },
        },
        m,
      );
      return this.read.version(id, created.version, m);
    });
  }
}
