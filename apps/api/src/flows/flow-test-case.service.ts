import { ConflictException, Inject, Injectable, NotFoundException } from '@nestjs/common';
import type {
  CreateFlowTestCase,
  CurrentUser,
  FlowTestCaseExpected,
  FlowTestCaseList,
  FlowTestCaseView,
  FlowSimulationRequest,
  UpdateFlowTestCase,
} from '@baton/api-contract';
import { DataSource, type EntityManager } from '@baton/db';
import { AuditLogService } from '../audit/audit-log.service';
import { isUniqueViolation } from '../database/is-unique-violation';
import { flowNotFound } from './flow-read.service';

type Queryable = Pick<EntityManager, 'query'>;

const COLUMNS = `c.id, c.flow_id, c.name, c.position, c.input, c.expected, c.created_at, c.updated_at,
  CASE WHEN u.id IS NULL THEN NULL ELSE json_build_object('id', u.id, 'name', u.name) END AS created_by`;
const FROM = `flow_test_cases c LEFT JOIN users u ON u.id = c.created_by_id`;

interface CaseRow {
  id: string;
  flow_id: string;
  name: string;
  position: number;
  input: FlowSimulationRequest;
  expected: FlowTestCaseExpected;
  created_by: { id: string; name: string } | null;
  created_at: Date;
  updated_at: Date;
}

const toView = (r: CaseRow): FlowTestCaseView => ({
  id: r.id,
  flowId: r.flow_id,
  name: r.name,
  position: r.position,
  input: r.input,
  expected: r.expected,
  createdBy: r.created_by,
  createdAt: r.created_at.toISOString(),
  updatedAt: r.updated_at.toISOString(),
});

/** Publish runs every case inside its transaction: a bound keeps that quick. */
export const MAX_TEST_CASES_PER_FLOW = 200;

const caseNotFound = (flowId: string, caseId: string) =>
  new NotFoundException(`Flow ${flowId} has no test case ${caseId}`);

const duplicateName = (name: string) =>
  new ConflictException({
    error: 'Conflict',
    message: `name: this flow already has a test case called "${name}"`,
    issues: [{ path: 'name', message: `this flow already has a test case called "${name}"` }],
  });

/** What the audit log keeps of a case: enough to see what changed, the lead included. */
const snapshot = (c: Pick<CaseRow, 'id' | 'name' | 'position' | 'input' | 'expected'>) => ({
  testCaseId: c.id,
  name: c.name,
  position: c.position,
  input: c.input,
  expected: c.expected,
});

/** Lists, creates, changes and deletes a flow's saved test cases; every change is audited. */
@Injectable()
export class FlowTestCaseService {
  constructor(
    @Inject(DataSource) private readonly db: DataSource,
    @Inject(AuditLogService) private readonly audit: AuditLogService,
  ) {}

  async list(flowId: string): Promise<FlowTestCaseList> {
    await assertFlow(this.db, flowId);
    const rows = (await this.db.query(
      `SELECT ${COLUMNS} FROM ${FROM} WHERE c.flow_id = $1 ORDER BY c.position, c.created_at, c.id`,
      [flowId],
    )) as CaseRow[];
    return { items: rows.map(toView) };
  }

  async get(flowId: string, caseId: string, db: Queryable = this.db): Promise<FlowTestCaseView> {
    const [row] = (await db.query(
      `SELECT ${COLUMNS} FROM ${FROM} WHERE c.flow_id = $1 AND c.id = $2`,
      [flowId, caseId],
    )) as CaseRow[];
    if (!row) {
      await assertFlow(db, flowId);
      throw caseNotFound(flowId, caseId);
    }
    return toView(row);
  }

  create(flowId: string, input: CreateFlowTestCase, actor: CurrentUser): Promise<FlowTestCaseView> {
    return this.uniqueName(input.name, () =>
      this.db.transaction(async (m) => {
        await assertFlow(m, flowId, true);
        await assertRoomForOneMore(m, flowId);
        if (input.position !== undefined) await makeRoom(m, flowId, input.position);
        const [created] = (await m.query(
          `INSERT INTO flow_test_cases (flow_id, name, position, input, expected, created_by_id)
           VALUES ($1, $2,
                   coalesce($3, (SELECT coalesce(max(position) + 1, 0) FROM flow_test_cases WHERE flow_id = $1)),
                   $4, $5, $6)
           RETURNING id`,
          [
            flowId,
            input.name,
            input.position ?? null,
            JSON.stringify(input.input),
            JSON.stringify(input.expected),
            actor.id,
          ],
        )) as { id: string }[];
        if (!created) throw new Error('Inserting a test case returned nothing');
        const view = await this.get(flowId, created.id, m);
        await this.audit.record(
          {
            actorId: actor.id,
            action: 'flow.test_case.create',
            entityType: 'flow',
            entityId: flowId,
            after: snapshot(view),
          },
          m,
        );
        return view;
      }),
    );
  }

  update(
    flowId: string,
    caseId: string,
    input: UpdateFlowTestCase,
    actor: CurrentUser,
  ): Promise<FlowTestCaseView> {
    return this.uniqueName(input.name ?? '', () =>
      this.db.transaction(async (m) => {
        const before = await this.lockedCase(m, flowId, caseId);
        if (input.position !== undefined) await makeRoom(m, flowId, input.position, caseId);
        await m.query(
          `UPDATE flow_test_cases
           SET name = coalesce($3, name), position = coalesce($4, position),
               input = coalesce($5::jsonb, input), expected = coalesce($6::jsonb, expected),
               updated_at = clock_timestamp()
           WHERE flow_id = $1 AND id = $2`,
          [
            flowId,
            caseId,
            input.name ?? null,
            input.position ?? null,
            input.input ? JSON.stringify(input.input) : null,
            input.expected ? JSON.stringify(input.expected) : null,
          ],
        );
        const after = await this.get(flowId, caseId, m);
        await this.audit.record(
          {
            actorId: actor.id,
            action: 'flow.test_case.update',
            entityType: 'flow',
            entityId: flowId,
            before: snapshot(before),
            after: snapshot(after),
          },
          m,
        );
        return after;
      }),
    );
  }

  remove(flowId: string, caseId: string, actor: CurrentUser): Promise<void> {
    return this.db.transaction(async (m) => {
      const before = await this.lockedCase(m, flowId, caseId);
      await m.query(`DELETE FROM flow_test_cases WHERE flow_id = $1 AND id = $2`, [flowId, caseId]);
      await this.audit.record(
        {
          actorId: actor.id,
          action: 'flow.test_case.delete',
          entityType: 'flow',
          entityId: flowId,
          before: snapshot(before),
        },
        m,
      );
    });
  }

  private async lockedCase(m: Queryable, flowId: string, caseId: string): Promise<CaseRow> {
    const [row] = (await m.query(
      `SELECT id, name, position, input, expected FROM flow_test_cases
       WHERE flow_id = $1 AND id = $2 FOR UPDATE`,
      [flowId, caseId],
    )) as CaseRow[];
    if (!row) {
      await assertFlow(m, flowId);
      throw caseNotFound(flowId, caseId);
    }
    return row;
  }

  /** The unique index (flow, lower(name)) is the check, so two racing creates cannot both win. */
  private async uniqueName<T>(name: string, run: () => Promise<T>): Promise<T> {
    try {
      return await run();
    } catch (error) {
      if (isUniqueViolation(error, 'flow_test_cases_name_uq')) throw duplicateName(name);
      throw error;
    }
  }
}

/** 404 unless the flow exists; `lock` holds it (share) so it cannot be deleted meanwhile. */
async function assertFlow(db: Queryable, flowId: string, lock = false): Promise<void> {
  const [flow] = (await db.query(
    `SELECT id FROM flows WHERE id = $1${lock ? ' FOR KEY SHARE' : ''}`,
    [flowId],
  )) as { id: string }[];
  if (!flow) throw flowNotFound(flowId);
}

/** A case put at `position` goes before the one there: that one and those after move down. */
async function makeRoom(
  db: Queryable,
  flowId: string,
  position: number,
  exceptId?: string,
): Promise<void> {
  await db.query(
    `UPDATE flow_test_cases SET position = position + 1
     WHERE flow_id = $1 AND position >= $2 AND id IS DISTINCT FROM $3`,
    [flowId, position, exceptId ?? null],
  );
}

async function assertRoomForOneMore(db: Queryable, flowId: string): Promise<void> {
  const [{ n }] = (await db.query(
    `SELECT count(*)::int AS n FROM flow_test_cases WHERE flow_id = $1`,
    [flowId],
  )) as [{ n: number }];
  if (n >= MAX_TEST_CASES_PER_FLOW)
    throw new ConflictException({
      error: 'Conflict',
      message: `A flow keeps at most ${MAX_TEST_CASES_PER_FLOW} test cases; delete one first`,
    });
}
