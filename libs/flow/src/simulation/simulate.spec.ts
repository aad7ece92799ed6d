import fc from 'fast-check';
import { validConfigs as c } from '../../test/flow-configs.fixture';
import { makeGraph, type EdgeSpec, type NodeSpec } from '../../test/make-graph.util';
import { makePerson } from '../../test/make-person.util';
import { alwaysOpen, weekdaySchedule } from '../../test/make-schedule.util';
import type { RosterPerson } from '../assignment/roster';
import { getNodeDefinition } from '../catalogue/node-catalogue';
import { createDemoFlowGraph, demoFlowRefs } from '../demo/demo-flow.graph';
import { demoOfficeHours } from '../demo/demo-office-hours.schedule';
import { validateGraph } from '../validation/validate-graph';
import { simulate } from './simulate';
import type { SimulateOptions } from './simulation.types';

const teamId = demoFlowRefs.teamId;
const roster: RosterPerson[] = [
  makePerson({ id: 'ana', name: 'Ana', teamIds: [teamId] }),
  makePerson({ id: 'ben', name: 'Ben', teamIds: [teamId] }),
  makePerson({ id: 'cara', name: 'Cara', teamIds: [teamId], openLeads: 2 }),
  makePerson({ id: 'mia', name: 'Mia', teamIds: [] }),
];
const lead = {
  name: 'Ada Lovelace',
  email: 'ada@example.com',
  phone: '+49 30 1234',
  company: 'Analytical Engines',
  message: 'We need a quote for 40 seats.',
  customFields: {},
};
const options = (overrides: Partial<SimulateOptions> = {}): SimulateOptions => ({
  now: new Date('2026-03-10T09:30:00Z'), // Tue 10:30 in Berlin: open
  roster,
  schedules: { [demoFlowRefs.scheduleId]: demoOfficeHours },
  teams: [{ id: teamId, name: 'Demo team', managerId: 'mia' }],
  qualification: { score: 85, summary: 'Wants a quote for 40 seats.' },
  ...overrides,
});
const demo = createDemoFlowGraph();
const nodeIds = (result: ReturnType<typeof simulate>) => result.path.map((s) => s.nodeId);

describe('simulate the demo flow', () => {
  it('walks a hot lead in office hours to contact', () => {
    const result = simulate(demo, lead, options());
    expect(nodeIds(result)).toEqual([
      'trigger',
      'qualify',
      'hot-or-not',
      'office-hours',
      'assign-rep',
      'alert-owner',
      'email-owner',
      'wait-for-contact',
      'end-contacted',
    ]);
    expect(result.outcome).toEqual({
      kind: 'ended',
      outcome: 'contacted',
      nodeId: 'end-contacted',
      at: new Date('2026-03-10T09:30:00Z'),
    });
    expect(result.ownerId).toBe('ana');
    expect(result.problems).toEqual([]);

    const step = (id: string) => result.path.find((s) => s.nodeId === id);
    expect(step('hot-or-not')).toMatchObject({
      handle: 'hot',
      reason: expect.stringContaining('score is at least 70 (it is 85)'),
    });
    expect(step('office-hours')?.reason).toBe('Open at Tue 10 Mar 2026 10:30 Europe/Berlin.');
    expect(step('assign-rep')?.assignment).toMatchObject({ userId: 'ana', nextCursor: 1 });
    expect(step('email-owner')?.message).toEqual({
      channel: 'email',
      to: 'the owner, Ana',
      subject: 'Hot lead: Ada Lovelace (Analytical Engines)',
      body: expect.stringContaining(
        'Hi Ana,\n\nAda Lovelace from Analytical Engines wrote:\n\nWe need a quote for 40 seats.',
      ),
    });
    expect(step('wait-for-contact')).toMatchObject({
      handle: 'contacted',
      deadline: new Date('2026-03-10T09:45:00Z'),
      reminders: [new Date('2026-03-10T09:35:00Z'), new Date('2026-03-10T09:40:00Z')],
    });
  });

  it('escalates a breached SLA: trigger → qualify → condition → business_hours → assign → notify → wait → escalate → end', () => {
    const result = simulate(demo, lead, options({ breached: true }));
    expect(result.path.map((s) => s.type)).toEqual([
      'trigger',
      'qualify',
      'condition',
      'business_hours',
      'assign',
      'notify',
      'notify',
      'wait_for_contact',
      'escalate',
      'end',
    ]);
    const escalate = result.path.find((s) => s.nodeId === 'escalate');
    expect(escalate?.at).toEqual(new Date('2026-03-10T09:45:00Z'));
    expect(escalate?.reason).toBe(
      'Round 1: alerted the manager, Mia, reassigned to Ben; no contact by Tue 10 Mar 2026 11:00 Europe/Berlin. ' +
        'Round 2: alerted the manager, Mia, reassigned to Cara; no contact by Tue 10 Mar 2026 11:15 Europe/Berlin.',
    );
    expect(result.outcome).toMatchObject({
      kind: 'ended',
      outcome: 'unhandled',
      at: new Date('2026-03-10T10:15:00Z'),
    });
    expect(result.ownerId).toBe('cara');
  });

  it('auto-replies after hours, waits for the opening, then assigns', () => {
    const result = simulate(demo, lead, options({ now: new Date('2026-03-14T10:00:00Z') })); // Saturday
    expect(nodeIds(result).slice(3, 7)).toEqual([
      'office-hours',
      'auto-reply',
      'wait-until-open',
      'assign-rep',
    ]);
    const autoReply = result.path[4];
    expect(autoReply?.message).toMatchObject({
      channel: 'email',
      to: 'the lead (ada@example.com)',
    });
    expect(result.path[6]?.at).toEqual(new Date('2026-03-16T08:00:00Z')); // Monday 09:00 CET
    expect(result.outcome).toMatchObject({ kind: 'ended', outcome: 'contacted' });
  });

  it('sends other leads to the least-loaded rep with the longer SLA', () => {
    const result = simulate(demo, lead, options({ qualification: { score: 30 } }));
    expect(nodeIds(result)).toEqual([
      'trigger',
      'qualify',
      'hot-or-not',
      'assign-standard',
      'alert-owner-standard',
      'wait-standard',
      'end-contacted',
    ]);
    expect(result.path[2]?.handle).toBe('else');
  });

  it('tells the manager when nobody is available', () => {
    const away = roster.map((p) => ({ ...p, status: 'away' as const }));
    const result = simulate(demo, lead, options({ roster: away }));
    expect(nodeIds(result)).toContain('alert-manager');
    expect(result.path.find((s) => s.nodeId === 'assign-rep')).toMatchObject({
      handle: 'nobody',
      reason: 'Nobody available: Ana (away), Ben (away), Cara (away).',
    });
    expect(result.path.find((s) => s.nodeId === 'alert-manager')?.message?.to).toBe(
      'the manager, Mia',
    );
  });

  it('continues round robin from a given cursor', () => {
    const key = `team:${teamId}`;
    expect(simulate(demo, lead, options({ cursors: { [key]: 1 } })).ownerId).toBe('ben');
  });
});

describe('simulate guards', () => {
  it('stops at an unconnected exit and still reports the problems', () => {
    const graph = makeGraph(
      [
        ['trigger', 'trigger', c.trigger],
        ['bh', 'business_hours', { scheduleId: 'always' }],
        ['end', 'end', c.end],
      ],
      [
        ['trigger', 'next', 'bh'],
        ['bh', 'closed', 'end'],
      ],
    );
    const result = simulate(graph, lead, options({ schedules: { always: alwaysOpen() } }));
    expect(result.outcome).toMatchObject({
      kind: 'stopped',
      code: 'unconnected_handle',
      nodeId: 'bh',
    });
    expect(result.problems.map((p) => p.code)).toEqual(['unconnected_handle']);
  });

  it('stops a loop through a wait after maxSteps', () => {
    const graph = makeGraph(
      [
        ['trigger', 'trigger', c.trigger],
        ['assign', 'assign', { strategy: 'least_loaded', teamId }],
        ['retry', 'delay', { minutes: 15 }],
        ['end', 'end', c.end],
      ],
      [
        ['trigger', 'next', 'assign'],
        ['assign', 'assigned', 'end'],
        ['assign', 'nobody', 'retry'],
        ['retry', 'next', 'assign'],
      ],
    );
    const result = simulate(graph, lead, options({ roster: [], maxSteps: 25 }));
    expect(result.outcome).toMatchObject({ kind: 'stopped', code: 'max_steps' });
    expect(result.path).toHaveLength(25);
    // The delays moved the clock: 12 rounds of 15 minutes.
    expect(result.outcome.at).toEqual(new Date('2026-03-10T12:30:00Z'));
  });

  // Was: a missing schedule stopped the simulation. The engine takes `closed` there, and the
  // simulator now follows the same rule (businessHoursBranch), so the two cannot drift.
  it('treats a business_hours schedule it was not given as closed, like the engine', () => {
    const missingSchedule = makeGraph(
      [
        ['trigger', 'trigger', c.trigger],
        ['bh', 'business_hours', { scheduleId: 'nope' }],
        ['open', 'end', c.end],
        ['closed', 'end', c.end],
      ],
      [
        ['trigger', 'next', 'bh'],
        ['bh', 'open', 'open'],
        ['bh', 'closed', 'closed'],
      ],
    );
    const result = simulate(missingSchedule, lead, options());
    expect(result.path.find((s) => s.nodeId === 'bh')).toMatchObject({
      handle: 'closed',
      reason: expect.stringContaining('"nope" was not given'),
    });
    expect(result.path.map((s) => s.nodeId)).toEqual(['trigger', 'bh', 'closed']);
  });

  // Like the engine (delayUntil): a schedule that is missing or never opens does not park the lead.
  it.each([
    ['was not given', {}],
    ['never opens', { never: { timeZone: 'UTC', weekly: {} } }],
  ])('lets a delay until a schedule that %s go on at once', (why, schedules) => {
    const graph = makeGraph(
      [
        ['trigger', 'trigger', c.trigger],
        ['wait', 'delay', { untilScheduleOpen: 'never' }],
        ['end', 'end', c.end],
      ],
      [
        ['trigger', 'next', 'wait'],
        ['wait', 'next', 'end'],
      ],
    );
    const result = simulate(graph, lead, options({ schedules }));
    expect(result.path.map((s) => [s.nodeId, s.handle])).toEqual([
      ['trigger', 'next'],
      ['wait', 'next'],
      ['end', null],
    ]);
    expect(result.path[1]).toMatchObject({ reason: expect.stringContaining(why) });
    expect(result.outcome).toMatchObject({ kind: 'ended' });
  });

  it('stops on an unknown type, and without a trigger', () => {
    const unknown = makeGraph(
      [
        ['trigger', 'trigger', c.trigger],
        ['x', 'teleport'],
      ],
      [['trigger', 'next', 'x']],
    );
    expect(simulate(unknown, lead, options()).outcome).toMatchObject({
      code: 'unknown_node_type',
      nodeId: 'x',
    });
    expect(simulate(makeGraph([['end', 'end', c.end]], []), lead, options()).outcome).toMatchObject(
      { code: 'no_trigger' },
    );
    expect(simulate({ nodes: 'no' }, lead, options()).outcome).toMatchObject({
      code: 'malformed_graph',
    });
  });

  it('says a wait that ends on a claim waits for a claim, not contact', () => {
    const waitGraph = (endOn: 'contact' | 'claim') =>
      makeGraph(
        [
          ['trigger', 'trigger', c.trigger],
          ['wait', 'wait_for_contact', { sla: { minutes: 15, mode: 'wall' }, endOn }],
          ['end', 'end', c.end],
        ],
        [
          ['trigger', 'next', 'wait'],
          ['wait', 'contacted', 'end'],
          ['wait', 'breached', 'end'],
        ],
      );
    const wait = (result: ReturnType<typeof simulate>) =>
      result.path.find((s) => s.nodeId === 'wait');
    expect(wait(simulate(waitGraph('claim'), lead, options()))).toMatchObject({
      handle: 'contacted',
      reason: expect.stringMatching(/^Assumed a claim before the deadline/),
    });
    expect(wait(simulate(waitGraph('claim'), lead, options({ breached: ['wait'] })))).toMatchObject(
      {
        handle: 'breached',
        reason: expect.stringMatching(/^Nobody claimed the lead within 15 minutes/),
      },
    );
    expect(wait(simulate(waitGraph('contact'), lead, options()))).toMatchObject({
      handle: 'contacted',
      reason: expect.stringMatching(/^Assumed contact before the deadline/),
    });
  });

  it('stops with the reason when a node cannot run (a schedule that never opens)', () => {
    const graph = makeGraph(
      [
        ['trigger', 'trigger', c.trigger],
        ['assign', 'assign', { strategy: 'least_loaded', teamId }],
        [
          'wait',
          'wait_for_contact',
          { sla: { minutes: 15, mode: 'business', scheduleId: 'never' } },
        ],
        ['end', 'end', c.end],
      ],
      [
        ['trigger', 'next', 'assign'],
        ['assign', 'assigned', 'wait'],
        ['assign', 'nobody', 'end'],
        ['wait', 'contacted', 'end'],
        ['wait', 'breached', 'end'],
      ],
    );
    const result = simulate(
      graph,
      lead,
      options({ schedules: { never: { timeZone: 'UTC', weekly: {} } } }),
    );
    expect(result.outcome).toMatchObject({
      code: 'node_failed',
      nodeId: 'wait',
      reason: expect.stringContaining('no open hours'),
    });
  });

  it('marks qualification against the minimum score for later conditions', () => {
    const graph = makeGraph(
      [
        ['trigger', 'trigger', c.trigger],
        ['qualify', 'qualify', { minScore: 50 }],
        [
          'cond',
          'condition',
          {
            rules: [
              {
                id: 'no',
                label: 'Unqualified',
                group: { clauses: [{ field: 'qualification.qualified', op: 'eq', value: false }] },
              },
            ],
          },
        ],
        ['out', 'end', { outcome: 'disqualified' }],
        ['end', 'end', c.end],
      ],
      [
        ['trigger', 'next', 'qualify'],
        ['qualify', 'next', 'cond'],
        ['cond', 'no', 'out'],
        ['cond', 'else', 'end'],
      ],
    );
    expect(simulate(graph, lead, options({ qualification: { score: 20 } })).outcome).toMatchObject({
      outcome: 'disqualified',
    });
    expect(simulate(graph, lead, options({ qualification: { score: 60 } })).outcome).toMatchObject({
      outcome: 'contacted',
    });
  });
});

describe('simulate properties', () => {
  const middleTypes = [
    'qualify',
    'condition',
    'business_hours',
    'assign',
    'notify',
    'wait_for_contact',
    'escalate',
    'delay',
    'webhook',
  ] as const;
  const configs: Record<(typeof middleTypes)[number], Record<string, unknown>> = {
    ...c,
    business_hours: { scheduleId: 'office' },
    delay: { untilScheduleOpen: 'office' },
  };
  const handlesOf = (type: string, config: Record<string, unknown>): readonly string[] => {
    const definition = getNodeDefinition(type);
    return definition ? definition.handles(definition.configSchema.parse(config)) : [];
  };

  /**
   * Graphs valid by construction: every exit of every node leads forward (so no loop without a
   * wait), or back to an earlier waiting node; then whatever the trigger cannot reach is dropped.
   */
  const validGraph = fc
    .record({
      types: fc.array(fc.constantFrom(...middleTypes), { minLength: 1, maxLength: 10 }),
      choices: fc.array(fc.nat(), { minLength: 64, maxLength: 64 }),
      backEdges: fc.array(fc.boolean(), { minLength: 64, maxLength: 64 }),
    })
    .map(({ types, choices, backEdges }) => {
      const nodes: NodeSpec[] = [
        ['trigger', 'trigger', c.trigger],
        ...types.map((type, i): NodeSpec => [`n${i}`, type, configs[type]]),
        ['end-a', 'end', { outcome: 'contacted' }],
        ['end-b', 'end', { outcome: 'unhandled' }],
      ];
      const edges: EdgeSpec[] = [];
      let k = 0;
      nodes.forEach(([id, type, config], i) => {
        for (const handle of handlesOf(type, config ?? {})) {
          const pick = choices[k % choices.length] ?? 0;
          const back = backEdges[k % backEdges.length] ?? false;
          k += 1;
          const waitingBefore = nodes
            .slice(1, i + 1)
            .filter(([, t]) => getNodeDefinition(t)?.waits);
          const target =
            back && waitingBefore.length > 0
              ? (waitingBefore[pick % waitingBefore.length] as NodeSpec)[0]
              : (nodes[i + 1 + (pick % (nodes.length - i - 1))] as NodeSpec)[0];
          edges.push([id, handle, target]);
        }
      });
      const reached = new Set(['trigger']);
      for (let grew = true; grew;) {
        grew = false;
        for (const [source, , target] of edges) {
          if (reached.has(source) && !reached.has(target)) {
            reached.add(target);
            grew = true;
          }
        }
      }
      return makeGraph(
        nodes.filter(([id]) => reached.has(id)),
        edges.filter(([source]) => reached.has(source)),
      );
    });

  const scenario = fc.record({
    score: fc.integer({ min: 0, max: 100 }),
    breached: fc.boolean(),
    minutes: fc.integer({ min: 0, max: 60 * 24 * 14 }),
    away: fc.array(fc.boolean(), { minLength: 3, maxLength: 3 }),
  });

  it('a graph that validates never walks into an unconnected or unknown exit', () => {
    fc.assert(
      fc.property(validGraph, scenario, (graph, s) => {
        expect(validateGraph(graph).problems).toEqual([]);
        const team = ['a', 'b', 'c'].map((id, i) =>
          makePerson({ id, status: s.away[i] ? 'away' : 'available' }),
        );
        const result = simulate(graph, lead, {
          now: new Date(Date.UTC(2026, 2, 2) + s.minutes * 60_000),
          roster: team,
          schedules: { office: weekdaySchedule('Europe/Berlin') },
          qualification: { score: s.score },
          breached: s.breached,
          maxSteps: 60,
        });
        expect(['ended', 'max_steps']).toContain(
          result.outcome.kind === 'ended' ? 'ended' : result.outcome.code,
        );
        result.path.forEach((step, i) => {
          const node = graph.nodes.find((n) => n.id === step.nodeId);
          const last = i === result.path.length - 1;
          if (step.handle !== null)
            expect(handlesOf(step.type, node?.data.config ?? {})).toContain(step.handle);
          else expect(last && step.type === 'end').toBe(true);
        });
      }),
      { numRuns: 300 },
    );
  });

  it('is deterministic: the same input gives the same walk', () => {
    fc.assert(
      fc.property(validGraph, scenario, (graph, s) => {
        const opts: SimulateOptions = {
          now: new Date(Date.UTC(2026, 2, 2) + s.minutes * 60_000),
          roster: ['a', 'b'].map((id) => makePerson({ id })),
          schedules: { office: weekdaySchedule('Europe/Berlin') },
          qualification: { score: s.score },
          breached: s.breached,
          maxSteps: 40,
        };
        expect(simulate(graph, lead, opts)).toEqual(simulate(graph, lead, opts));
      }),
      { numRuns: 100 },
    );
  });
});
