import type { FlowSimulation, FlowTestActual } from '@baton/api-contract';
import type { FlowGraph, FlowNode } from '@baton/flow';
import { actualOf, checkExpected, type TestNames } from './flow-test-case-check';

const node = (id: string, type: string, config: Record<string, unknown> = {}): FlowNode => ({
  id,
  type,
  position: { x: 0, y: 0 },
  data: { config },
});
const graph: FlowGraph = {
  nodes: [
    node('assign-a', 'assign', { teamId: 'team-a' }),
    node('assign-b', 'assign', { teamId: 'team-b' }),
    node('escalate', 'escalate'),
    node('end', 'end', { outcome: 'contacted' }),
  ],
  edges: [],
};
const step = (nodeId: string, type: string, userId?: string | null) => ({
  nodeId,
  type,
  handle: null,
  reason: '',
  at: '2026-03-04T10:00:00.000Z',
  ...(userId !== undefined
    ? {
        assignment: {
          userId,
          strategy: 'round_robin',
          poolKey: 'k',
          considered: [],
          explanation: '',
        },
      }
    : {}),
});
const simulation = (
  path: ReturnType<typeof step>[],
  owner: FlowSimulation['owner'],
): FlowSimulation => ({
  path,
  outcome: { kind: 'ended', outcome: 'contacted', nodeId: 'end', at: '2026-03-04T10:00:00.000Z' },
  owner,
  problems: [],
  qualification: { source: 'given', values: {} },
});
const names: TestNames = {
  person: (id) => ({ u1: 'Riley', u2: 'Sam' })[id],
  team: (id) => ({ 'team-a': 'Sales', 'team-b': 'Support' })[id],
};

describe('actualOf', () => {
  it('credits the team of the assign step that picked the owner, not a later one that found nobody', () => {
    const actual = actualOf(
      graph,
      simulation(
        [step('assign-a', 'assign', 'u1'), step('assign-b', 'assign', null), step('end', 'end')],
        { id: 'u1', name: 'Riley' },
      ),
    );
    expect(actual).toMatchObject({ teamId: 'team-a', ownerId: 'u1', endNodeId: 'end' });
  });

  it("credits an escalation's reassignment to its assign step's team", () => {
    const actual = actualOf(
      graph,
      simulation(
        [step('assign-b', 'assign', 'u1'), step('escalate', 'escalate', 'u2'), step('end', 'end')],
        { id: 'u2', name: 'Sam' },
      ),
    );
    expect(actual.teamId).toBe('team-b');
  });

  it('names the last assign step reached when nobody was picked, and no team without one', () => {
    const nobody = simulation([step('assign-b', 'assign', null), step('end', 'end')], null);
    expect(actualOf(graph, nobody).teamId).toBe('team-b');
    expect(actualOf(graph, simulation([step('end', 'end')], null)).teamId).toBeNull();
  });
});

describe('checkExpected', () => {
  const actual: FlowTestActual = {
    path: ['trigger', 'assign-a', 'end'],
    endNodeId: 'end',
    outcome: 'contacted',
    stopped: null,
    ownerId: 'u1',
    ownerName: 'Riley',
    teamId: 'team-a',
  };

  it('passes when every given check holds', () => {
    expect(
      checkExpected(
        { path: ['trigger', 'assign-a', 'end'], passes: ['assign-a'], teamId: 'team-a' },
        actual,
        names,
      ),
    ).toEqual([]);
  });

  it('says where a path goes another way, is longer or is shorter', () => {
    const [other] = checkExpected({ path: ['trigger', 'assign-b', 'end'] }, actual, names);
    expect(other?.message).toMatch(
      /^the path differs at step 2: expected "assign-b", got "assign-a"/,
    );
    const [longer] = checkExpected({ path: ['trigger', 'assign-a'] }, actual, names);
    expect(longer?.message).toMatch(/at step 3: expected the walk to end, got "end"/);
    const [shorter] = checkExpected(
      { path: ['trigger', 'assign-a', 'end', 'more'] },
      actual,
      names,
    );
    expect(shorter?.message).toMatch(/at step 4: expected "more", got the end of the walk/);
  });

  it('names people and teams, and nobody for a null owner', () => {
    const failures = checkExpected(
      { teamId: '0b7f8a2e-0000-4000-8000-000000000001', ownerId: null, passes: ['x', 'assign-a'] },
      { ...actual, teamId: 'team-b' },
      names,
    );
    expect(failures.map((f) => [f.field, f.message])).toEqual([
      ['passes', 'never reached "x" (took trigger → assign-a → end)'],
      [
        'teamId',
        'expected team 0b7f8a2e-0000-4000-8000-000000000001 to pick the owner, but it was team "Support"',
      ],
      ['ownerId', 'expected nobody to own the lead, but Riley does'],
    ]);
  });

  it('says the walk stopped when an End was expected', () => {
    const [failure] = checkExpected(
      { endNodeId: 'end' },
      {
        ...actual,
        endNodeId: null,
        outcome: null,
        stopped: { code: 'unconnected_handle', reason: 'The "next" exit of "x" is not connected.' },
      },
      names,
    );
    expect(failure).toEqual({
      field: 'endNodeId',
      expected: 'end',
      actual: null,
      message:
        'expected to end at "end", but stopped before an End (The "next" exit of "x" is not connected.)',
    });
  });
});
