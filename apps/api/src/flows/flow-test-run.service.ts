import { Inject, Injectable } from '@nestjs/common';
import {
  type FlowTestCaseExpected,
  flowTestCaseExpectedSchema,
  type FlowTestResult,
  type FlowTestRun,
  type FlowTestTarget,
  flowSimulationRequestSchema,
} from '@baton/api-contract';
import { DataSource, type EntityManager } from '@baton/db';
import type { FlowGraph } from '@baton/flow';
import { actualOf, checkExpected, type TestNames } from './flow-test-case-check';
import { FlowReadService } from './flow-read.service';
import { FlowSimulationService } from './flow-simulation.service';
import { loadSimulationWorld, type SimulationWorld } from './simulation-roster';

type Queryable = Pick<EntityManager, 'query'>;

interface CaseRow {
  id: string;
  name: string;
  input: unknown;
  expected: unknown;
}

const NO_ACTUAL: FlowTestResult['actual'] = {
  path: [],
  endNodeId: null,
  outcome: null,
  stopped: null,
  ownerId: null,
  ownerName: null,
  teamId: null,
};

/**
 * Runs a flow's test cases: each case's lead walked by the same simulator, with the same roster,
 * schedules and rotations as the test panel's simulate, then its expectations checked.
 */
@Injectable()
export class FlowTestRunService {
  constructor(
    @Inject(DataSource) private readonly db: DataSource,
    @Inject(FlowReadService) private readonly read: FlowReadService,
    @Inject(FlowSimulationService) private readonly simulator: FlowSimulationService,
  ) {}

  /** The test panel's "run all": against the draft or a published version. */
  async run(id: string, target: FlowTestTarget = 'draft'): Promise<FlowTestRun> {
    const graph =
      target === 'draft'
        ? (await this.read.draft(id)).draftGraph
        : (await this.read.version(id, target.version)).graph;
    return this.runGraph(id, graph, target, this.db);
  }

  /** Every case of flow `id` against `graph`, read through `db` (publish passes its transaction). */
  async runGraph(
    id: string,
    graph: FlowGraph,
    target: FlowTestTarget,
    db: Queryable,
  ): Promise<FlowTestRun> {
    const cases = (await db.query(
      `SELECT id, name, input, expected FROM flow_test_cases
       WHERE flow_id = $1 ORDER BY position, created_at, id`,
      [id],
    )) as CaseRow[];
    const world = cases.length > 0 ? await loadSimulationWorld(db) : undefined;
    const results = world ? cases.map((c) => this.runCase(c, graph, world)) : [];
    const passed = results.filter((r) => r.passed).length;
    return { target, total: results.length, passed, failed: results.length - passed, results };
  }

  private runCase(row: CaseRow, graph: FlowGraph, world: SimulationWorld): FlowTestResult {
    // Stored cases were validated on write; re-parsing keeps a case an older schema accepted
    // from crashing the run: it fails, saying why.
    const input = flowSimulationRequestSchema.safeParse(row.input);
    const expected = flowTestCaseExpectedSchema.safeParse(row.expected);
    if (!input.success || !expected.success) {
      return {
        id: row.id,
        name: row.name,
        passed: false,
        failures: [
          {
            field: input.success ? 'expected' : 'input',
            expected: null,
            actual: null,
            message: `the saved ${input.success ? 'expectation' : 'lead'} is no longer valid: ${
              (input.error ?? expected.error)?.issues[0]?.message ?? 'unknown problem'
            }`,
          },
        ],
        actual: NO_ACTUAL,
      };
    }
    const simulation = this.simulator.simulateGraph(graph, input.data, world);
    const actual = actualOf(graph, simulation);
    const failures = checkExpected(expected.data as FlowTestCaseExpected, actual, namesIn(world));
    return { id: row.id, name: row.name, passed: failures.length === 0, failures, actual };
  }
}

function namesIn(world: SimulationWorld): TestNames {
  const people = new Map(world.roster.map((p) => [p.id, p.name]));
  const teams = new Map(world.teams.map((t) => [t.id, t.name]));
  return {
    person: (id) => people.get(id),
    team: (id) => teams.get(id),
  };
}
