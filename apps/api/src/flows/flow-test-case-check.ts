import type {
  FlowSimulation,
  FlowTestActual,
  FlowTestCaseExpected,
  FlowTestFailure,
} from '@baton/api-contract';
import type { FlowGraph } from '@baton/flow';

/** Names for people and teams, so a failure says "Sales", not a uuid. */
export interface TestNames {
  person(id: string): string | undefined;
  team(id: string): string | undefined;
}

/**
 * The team behind the owner: the assign step that picked them (an escalation reassigns from the
 * last assign step's pool, so it counts as that step). Nobody picked: the last assign step reached.
 */
function owningTeam(graph: FlowGraph, simulation: FlowSimulation): string | null {
  const teamOf = (nodeId: string): string | null => {
    const teamId = graph.nodes.find((n) => n.id === nodeId)?.data?.config?.['teamId'];
    return typeof teamId === 'string' ? teamId : null;
  };
  let lastAssignTeam: string | null = null;
  let chosenTeam: string | null = null;
  let chosen = false;
  for (const step of simulation.path) {
    if (step.type === 'assign') lastAssignTeam = teamOf(step.nodeId);
    if (step.assignment?.userId) {
      chosenTeam = lastAssignTeam;
      chosen = true;
    }
  }
  return simulation.owner && chosen ? chosenTeam : lastAssignTeam;
}

/** A simulated walk in the terms a test case checks. */
export function actualOf(graph: FlowGraph, simulation: FlowSimulation): FlowTestActual {
  const { outcome } = simulation;
  return {
    path: simulation.path.map((s) => s.nodeId),
    endNodeId: outcome.kind === 'ended' ? outcome.nodeId : null,
    outcome: outcome.kind === 'ended' ? outcome.outcome : null,
    stopped: outcome.kind === 'stopped' ? { code: outcome.code, reason: outcome.reason } : null,
    ownerId: simulation.owner?.id ?? null,
    ownerName: simulation.owner?.name ?? null,
    teamId: owningTeam(graph, simulation),
  };
}

const quote = (s: string) => `"${s}"`;
const arrow = (ids: readonly string[]) => (ids.length ? ids.join(' → ') : '(nothing)');

function describeEnd(actual: FlowTestActual): string {
  if (actual.endNodeId) return `ended at ${quote(actual.endNodeId)}`;
  return `stopped before an End${actual.stopped ? ` (${actual.stopped.reason})` : ''}`;
}

/** Every check of `expected` that the walk did not meet, in the order of the fields. */
export function checkExpected(
  expected: FlowTestCaseExpected,
  actual: FlowTestActual,
  names: TestNames,
): FlowTestFailure[] {
  const failures: FlowTestFailure[] = [];
  const fail = (field: FlowTestFailure['field'], want: unknown, got: unknown, message: string) =>
    failures.push({ field, expected: want, actual: got, message });
  const person = (id: string | null) =>
    id === null ? 'nobody' : (names.person(id) ?? `person ${id}`);
  const team = (id: string | null) =>
    id === null ? 'no team' : `team ${names.team(id) ? quote(names.team(id) ?? '') : id}`;

  if (expected.endNodeId !== undefined && actual.endNodeId !== expected.endNodeId)
    fail(
      'endNodeId',
      expected.endNodeId,
      actual.endNodeId,
      `expected to end at ${quote(expected.endNodeId)}, but ${describeEnd(actual)}`,
    );
  if (expected.outcome !== undefined && actual.outcome !== expected.outcome)
    fail(
      'outcome',
      expected.outcome,
      actual.outcome,
      `expected the outcome ${quote(expected.outcome)}, but ${
        actual.outcome ? `got ${quote(actual.outcome)}` : describeEnd(actual)
      }`,
    );
  if (expected.path !== undefined) {
    const want = expected.path;
    const at = want.findIndex((id, i) => actual.path[i] !== id);
    const differs = at !== -1 || actual.path.length !== want.length;
    if (differs) {
      const step = at === -1 ? want.length : at;
      const got = actual.path[step];
      fail(
        'path',
        want,
        actual.path,
        `the path differs at step ${step + 1}: expected ${
          want[step] === undefined ? 'the walk to end' : quote(want[step])
        }, got ${got === undefined ? 'the end of the walk' : quote(got)} (took ${arrow(actual.path)})`,
      );
    }
  }
  if (expected.passes !== undefined) {
    const missing = expected.passes.filter((id) => !actual.path.includes(id));
    if (missing.length > 0)
      fail(
        'passes',
        expected.passes,
        actual.path,
        `never reached ${missing.map(quote).join(', ')} (took ${arrow(actual.path)})`,
      );
  }
  if (expected.teamId !== undefined && actual.teamId !== expected.teamId)
    fail(
      'teamId',
      expected.teamId,
      actual.teamId,
      `expected ${team(expected.teamId)} to pick the owner, but it was ${team(actual.teamId)}`,
    );
  if (expected.ownerId !== undefined && actual.ownerId !== expected.ownerId)
    fail(
      'ownerId',
      expected.ownerId,
      actual.ownerId,
      `expected ${person(expected.ownerId)} to own the lead, but ${person(actual.ownerId)} does`,
    );
  return failures;
}
