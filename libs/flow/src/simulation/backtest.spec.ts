import fc from 'fast-check';
import { makeGraph, type EdgeSpec, type NodeSpec } from '../../test/make-graph.util';
import { makePerson } from '../../test/make-person.util';
import { weekdaySchedule } from '../../test/make-schedule.util';
import { createDemoFlowGraph, demoFlowRefs } from '../demo/demo-flow.graph';
import { demoOfficeHours } from '../demo/demo-office-hours.schedule';
import type { FlowGraph } from '../graph/flow-graph.schema';
import { backtest, type BacktestLead, type BacktestWorld } from './backtest';
import { prepareFlow } from './prepared-flow';
import { simulate, simulatePrepared } from './simulate';

const office = weekdaySchedule('Europe/Berlin');
const world: BacktestWorld = {
  roster: [
    makePerson({ id: 'ana', teamIds: ['sales'] }),
    makePerson({ id: 'ben', teamIds: ['sales'] }),
    makePerson({ id: 'cy', teamIds: ['inside'] }),
  ],
  schedules: { office },
  teams: [
    { id: 'sales', name: 'Sales', managerId: null },
    { id: 'inside', name: 'Inside', managerId: null },
  ],
  cursors: {},
};

/** Hot leads (score >= `hot`) go to sales in office hours and to an "after hours" end outside them; others to inside sales. */
function routingFlow(hot: number): FlowGraph {
  const nodes: NodeSpec[] = [
    ['trigger', 'trigger', { sources: [], forms: [] }],
    ['qualify', 'qualify', {}],
    [
      'hot-or-not',
      'condition',
      {
        rules: [
          {
            id: 'hot',
            label: 'Hot',
            group: { clauses: [{ field: 'qualification.score', op: 'gte', value: hot }] },
          },
        ],
      },
    ],
    ['hours', 'business_hours', { scheduleId: 'office' }],
    ['assign-sales', 'assign', { strategy: 'round_robin', teamId: 'sales' }],
    ['assign-inside', 'assign', { strategy: 'round_robin', teamId: 'inside' }],
    ['end-contacted', 'end', { outcome: 'contacted' }],
    ['end-after-hours', 'end', { outcome: 'other' }],
  ];
  const edges: EdgeSpec[] = [
    ['trigger', 'next', 'qualify'],
    ['qualify', 'next', 'hot-or-not'],
    ['hot-or-not', 'hot', 'hours'],
    ['hot-or-not', 'else', 'assign-inside'],
    ['hours', 'open', 'assign-sales'],
    ['hours', 'closed', 'end-after-hours'],
    ['assign-sales', 'assigned', 'end-contacted'],
    ['assign-sales', 'nobody', 'end-after-hours'],
    ['assign-inside', 'assigned', 'end-contacted'],
    ['assign-inside', 'nobody', 'end-after-hours'],
  ];
  const graph = makeGraph(nodes, edges);
  const labels: Record<string, string> = {
    'end-contacted': 'Contacted',
    'end-after-hours': 'After hours',
  };
  return {
    ...graph,
    nodes: graph.nodes.map((n) => (labels[n.id] ? { ...n, label: labels[n.id] } : n)),
  };
}

const TUESDAY_NOON = '2026-03-10T11:00:00Z'; // 12:00 in Berlin: open
const TUESDAY_NIGHT = '2026-03-10T22:00:00Z'; // 23:00 in Berlin: closed

const lead = (id: string, score: number | undefined, at = TUESDAY_NOON): BacktestLead => ({
  id,
  lead: { id, name: `Lead ${id}`, email: `${id}@example.com`, customFields: {} },
  qualification: score === undefined ? {} : { score, method: 'llm' },
  context: {},
  receivedAt: new Date(at),
});

describe('backtest', () => {
  it('finds no difference between a graph and itself', () => {
    const leads = [lead('a', 90), lead('b', 10), lead('c', 80, TUESDAY_NIGHT)];
    const report = backtest(routingFlow(70), routingFlow(70), leads, world);
    expect(report).toMatchObject({
      compared: 3,
      same: 3,
      differing: 0,
      groups: [],
      differences: [],
    });
    expect(report.problems).toEqual({ published: [], draft: [] });
  });

  it('reports exactly the leads a lower threshold moves, grouped by where they went', () => {
    const leads = [
      lead('hot', 90),
      lead('warm-1', 65),
      lead('cold', 20),
      lead('warm-2', 61),
      lead('warm-night', 62, TUESDAY_NIGHT),
    ];
    const report = backtest(routingFlow(70), routingFlow(60), leads, world);

    expect(report).toMatchObject({ compared: 5, same: 2, differing: 3 });
    expect(report.differences.map((d) => d.leadId)).toEqual(['warm-1', 'warm-2', 'warm-night']);
    expect(report.differences[0]).toEqual({
      leadId: 'warm-1',
      receivedAt: new Date(TUESDAY_NOON),
      changed: ['owner', 'path'],
      published: {
        nodeId: 'end-contacted',
        label: 'Contacted',
        kind: 'ended',
        outcome: 'contacted',
        stopCode: null,
        ownerId: 'cy',
        teamId: 'inside',
        path: ['trigger', 'qualify', 'hot-or-not', 'assign-inside', 'end-contacted'],
      },
      draft: {
        nodeId: 'end-contacted',
        label: 'Contacted',
        kind: 'ended',
        outcome: 'contacted',
        stopCode: null,
        ownerId: 'ana',
        teamId: 'sales',
        path: ['trigger', 'qualify', 'hot-or-not', 'hours', 'assign-sales', 'end-contacted'],
      },
    });
    // Received at 23:00 Berlin: walked at that moment, so the draft finds the office closed.
    expect(report.differences[2]).toMatchObject({
      leadId: 'warm-night',
      changed: ['end', 'owner', 'path'],
      published: { nodeId: 'end-contacted', ownerId: 'cy' },
      draft: { nodeId: 'end-after-hours', label: 'After hours', outcome: 'other', ownerId: null },
    });

    expect(report.groups).toEqual([
      {
        published: {
          nodeId: 'end-contacted',
          label: 'Contacted',
          kind: 'ended',
          outcome: 'contacted',
          assignee: { kind: 'team', id: 'inside' },
        },
        draft: {
          nodeId: 'end-contacted',
          label: 'Contacted',
          kind: 'ended',
          outcome: 'contacted',
          assignee: { kind: 'team', id: 'sales' },
        },
        count: 2,
      },
      {
        published: {
          nodeId: 'end-contacted',
          label: 'Contacted',
          kind: 'ended',
          outcome: 'contacted',
          assignee: { kind: 'team', id: 'inside' },
        },
        draft: {
          nodeId: 'end-after-hours',
          label: 'After hours',
          kind: 'ended',
          outcome: 'other',
          assignee: null,
        },
        count: 1,
      },
    ]);
  });

  it('reads the stored qualification: a lead without a score takes else in both', () => {
    const report = backtest(routingFlow(70), routingFlow(0), [lead('unscored', undefined)], world);
    // With a threshold of 0 any score is hot; no score at all is still not.
    expect(report.differing).toBe(0);
    const scored = backtest(routingFlow(70), routingFlow(0), [lead('scored', 1)], world);
    expect(scored.differing).toBe(1);
  });

  it('starts every walk from the same round-robin cursors, so the rotation does not drift', () => {
    const poolKey = 'team:sales';
    const rotated = { ...world, cursors: { [poolKey]: 1 } };
    // Every hot lead would get sales' second person under both graphs: nothing differs, and
    // a change of owner can only come from the graph.
    const leads = [lead('h1', 90), lead('h2', 95), lead('h3', 99)];
    const same = backtest(routingFlow(70), routingFlow(80), leads, rotated);
    expect(same.differing).toBe(0);
    const moved = backtest(routingFlow(70), routingFlow(92), leads, rotated);
    expect(moved.differences.map((d) => [d.leadId, d.published.ownerId, d.draft.ownerId])).toEqual([
      ['h1', 'ben', 'cy'],
    ]);
  });

  it('lists at most listLimit differing leads but counts and groups them all', () => {
    const leads = Array.from({ length: 30 }, (_, i) => lead(`w${i}`, 65));
    const report = backtest(routingFlow(70), routingFlow(60), leads, world, { listLimit: 4 });
    expect(report).toMatchObject({ compared: 30, differing: 30, same: 0 });
    expect(report.differences.map((d) => d.leadId)).toEqual(['w0', 'w1', 'w2', 'w3']);
    expect(report.groups.map((g) => g.count)).toEqual([30]);
  });

  it('walks a broken draft as far as it goes, with its problems', () => {
    const broken = routingFlow(60);
    broken.edges = broken.edges.filter((e) => e.source !== 'assign-sales');
    const report = backtest(routingFlow(70), broken, [lead('warm', 65)], world);
    expect(report.differences[0]?.draft).toMatchObject({
      kind: 'stopped',
      stopCode: 'unconnected_handle',
      nodeId: 'assign-sales',
      outcome: null,
      ownerId: 'ana',
      teamId: 'sales',
    });
    expect(report.problems.draft.map((p) => p.code)).toContain('unconnected_handle');
    expect(
      backtest(routingFlow(70), { nodes: 'x' }, [lead('a', 1)], world).differences[0]?.draft,
    ).toMatchObject({ kind: 'stopped', stopCode: 'malformed_graph', nodeId: null, path: [] });
  });
});

describe('a prepared flow', () => {
  const demo = createDemoFlowGraph();
  const demoWorld = {
    roster: [
      makePerson({ id: 'ana', teamIds: [demoFlowRefs.teamId] }),
      makePerson({ id: 'ben', teamIds: [demoFlowRefs.teamId], status: 'away' }),
      makePerson({ id: 'mia', teamIds: [] }),
    ],
    schedules: { [demoFlowRefs.scheduleId]: demoOfficeHours },
    teams: [{ id: demoFlowRefs.teamId, name: 'Demo', managerId: 'mia' }],
  };

  it('walks every lead exactly as simulating it on its own does', () => {
    const prepared = prepareFlow(demo);
    fc.assert(
      fc.property(
        fc.integer({
          min: Date.parse('2026-01-01T00:00:00Z'),
          max: Date.parse('2026-12-31T00:00:00Z'),
        }),
        fc.option(fc.integer({ min: 0, max: 100 })),
        fc.boolean(),
        (ms, score, breached) => {
          const options = {
            ...demoWorld,
            now: new Date(ms),
            qualification: score === null ? {} : { score },
            breached,
          };
          const facts = { name: 'Ada', email: 'ada@example.com', company: 'Engines' };
          expect(simulatePrepared(prepared, facts, options)).toEqual(
            simulate(demo, facts, options),
          );
        },
      ),
      { numRuns: 300 },
    );
  });

  it('keeps the first node and exit of a repeated id, as a scan would', () => {
    const graph = makeGraph(
      [
        ['trigger', 'trigger'],
        ['end', 'end', { outcome: 'spam' }],
        ['end', 'end', { outcome: 'contacted' }],
      ],
      [
        ['trigger', 'next', 'end'],
        ['trigger', 'next', 'nowhere'],
      ],
    );
    const options = { now: new Date(TUESDAY_NOON), roster: [], schedules: {} };
    expect(simulatePrepared(prepareFlow(graph), {}, options).outcome).toMatchObject({
      kind: 'ended',
      outcome: 'spam',
    });
  });
});
