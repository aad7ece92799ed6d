import { makeGraph, type EdgeSpec, type NodeSpec } from '../../test/make-graph.util';
import { validConfigs as c } from '../../test/flow-configs.fixture';
import { defineNode } from '../catalogue/define-node';
import { nodeCatalogue } from '../catalogue/node-catalogue';
import { demoFlowGraph, demoFlowRefs } from '../demo/demo-flow.graph';
import type { GraphProblem, GraphProblemCode } from './graph-problem';
import { validateGraph } from './validate-graph';
import { z } from 'zod';

const base: NodeSpec[] = [
  ['trigger', 'trigger', c.trigger],
  ['notify', 'notify', c.notify],
  ['end', 'end', c.end],
];
const baseEdges: EdgeSpec[] = [
  ['trigger', 'next', 'notify'],
  ['notify', 'next', 'end'],
];

const codes = (problems: GraphProblem[]): GraphProblemCode[] => problems.map((p) => p.code);

describe('validateGraph', () => {
  it('accepts a small valid graph', () => {
    expect(validateGraph(makeGraph(base, baseEdges))).toEqual({ ok: true, problems: [] });
  });

  it('accepts the demo flow', () => {
    expect(validateGraph(demoFlowGraph).problems).toEqual([]);
  });

  type Case = [
    label: string,
    nodes: NodeSpec[],
    edges: EdgeSpec[],
    expected: Omit<Partial<GraphProblem>, 'message'> & {
      code: GraphProblemCode;
      message?: string | RegExp;
    },
  ];
  const cases: Case[] = [
    [
      'no trigger',
      [base[1] as NodeSpec, base[2] as NodeSpec],
      [['notify', 'next', 'end']],
      { code: 'missing_trigger' },
    ],
    [
      'two triggers',
      [...base, ['trigger-2', 'trigger', c.trigger]],
      [...baseEdges, ['trigger-2', 'next', 'end']],
      { code: 'multiple_triggers', nodeIds: ['trigger', 'trigger-2'] },
    ],
    [
      'unknown node type',
      [...base, ['mystery', 'teleport', {}]],
      [...baseEdges, ['mystery', 'next', 'end']],
      { code: 'unknown_node_type', nodeId: 'mystery', message: /"teleport"/ },
    ],
    [
      'invalid config, with the field path',
      [
        base[0] as NodeSpec,
        ['notify', 'notify', { channel: 'email', to: 'owner', body: 'x' }],
        base[2] as NodeSpec,
      ],
      baseEdges,
      {
        code: 'invalid_config',
        nodeId: 'notify',
        field: 'subject',
        message: /subject: an email needs a subject/,
      },
    ],
    [
      'invalid regex in a condition',
      [
        base[0] as NodeSpec,
        [
          'cond',
          'condition',
          {
            rules: [
              {
                id: 'x',
                label: 'X',
                group: { clauses: [{ field: 'lead.email', op: 'matches', value: '[a-' }] },
              },
            ],
          },
        ],
        base[2] as NodeSpec,
      ],
      [
        ['trigger', 'next', 'cond'],
        ['cond', 'x', 'end'],
        ['cond', 'else', 'end'],
      ],
      {
        code: 'invalid_config',
        field: 'rules.0.group.clauses.0.value',
        message: /invalid regular expression/,
      },
    ],
    [
      'edge from a missing node',
      base,
      [...baseEdges, ['ghost', 'next', 'end']],
      { code: 'dangling_edge', edgeId: 'ghost.next->end', message: /starts at "ghost"/ },
    ],
    [
      'edge to a missing node',
      base,
      [
        ['trigger', 'next', 'notify'],
        ['notify', 'next', 'ghost'],
      ],
      { code: 'dangling_edge', edgeId: 'notify.next->ghost', message: /leads to "ghost"/ },
    ],
    [
      'handle the node does not have',
      base,
      [...baseEdges, ['end', 'next', 'notify']],
      { code: 'unknown_handle', nodeId: 'end', message: /it has no exits/ },
    ],
    [
      'unknown rule handle on a condition',
      [base[0] as NodeSpec, ['cond', 'condition', c.condition], base[2] as NodeSpec],
      [
        ['trigger', 'next', 'cond'],
        ['cond', 'hot', 'end'],
        ['cond', 'else', 'end'],
        ['cond', 'warm', 'end'],
      ],
      { code: 'unknown_handle', nodeId: 'cond', message: /"warm".*exits are "hot", "else"/ },
    ],
    [
      'edge into the trigger',
      [...base, ['delay', 'delay', c.delay]],
      [
        ['trigger', 'next', 'delay'],
        ['delay', 'next', 'trigger'],
        ['notify', 'next', 'end'],
      ],
      { code: 'edge_into_trigger', nodeId: 'trigger' },
    ],
    [
      'unconnected required handle',
      [base[0] as NodeSpec, ['bh', 'business_hours', c.business_hours], base[2] as NodeSpec],
      [
        ['trigger', 'next', 'bh'],
        ['bh', 'open', 'end'],
      ],
      { code: 'unconnected_handle', nodeId: 'bh', message: /"closed" exit is not connected/ },
    ],
    [
      'handle connected twice',
      [...base, ['end-2', 'end', c.end]],
      [...baseEdges, ['notify', 'next', 'end-2']],
      { code: 'handle_connected_twice', nodeId: 'notify', edgeId: 'notify.next->end-2' },
    ],
    [
      'unreachable node',
      [...base, ['orphan', 'notify', c.notify]],
      [...baseEdges, ['orphan', 'next', 'end']],
      { code: 'unreachable_node', nodeId: 'orphan', message: /cannot be reached/ },
    ],
    [
      'cycle with no waiting node',
      [...base, ['cond', 'condition', c.condition]],
      [
        ['trigger', 'next', 'notify'],
        ['notify', 'next', 'cond'],
        ['cond', 'hot', 'end'],
        ['cond', 'else', 'notify'],
      ],
      { code: 'cycle_without_wait', nodeIds: ['notify', 'cond'] },
    ],
    [
      'self loop',
      [base[0] as NodeSpec, ['cond', 'condition', c.condition], base[2] as NodeSpec],
      [
        ['trigger', 'next', 'cond'],
        ['cond', 'hot', 'end'],
        ['cond', 'else', 'cond'],
      ],
      { code: 'cycle_without_wait', nodeIds: ['cond'] },
    ],
    [
      'duplicate node ids',
      [...base, ['notify', 'notify', c.notify]],
      baseEdges,
      { code: 'duplicate_node_id', nodeId: 'notify', message: /2 nodes share the id "notify"/ },
    ],
  ];

  it.each(cases)('reports %s', (_label, nodes, edges, expected) => {
    const { ok, problems } = validateGraph(makeGraph(nodes, edges));
    expect(ok).toBe(false);
    const { message, ...rest } = expected;
    const match = problems.find((p) => p.code === expected.code);
    expect(match).toMatchObject(rest);
    if (message) expect(match?.message).toMatch(message);
  });

  it('allows a loop that passes through a waiting node', () => {
    const graph = makeGraph(
      [
        ['trigger', 'trigger', c.trigger],
        ['assign', 'assign', c.assign],
        ['retry', 'delay', { minutes: 10 }],
        ['end', 'end', c.end],
      ],
      [
        ['trigger', 'next', 'assign'],
        ['assign', 'assigned', 'end'],
        ['assign', 'nobody', 'retry'],
        ['retry', 'next', 'assign'],
      ],
    );
    expect(validateGraph(graph).problems).toEqual([]);
  });

  it('reports every problem at once', () => {
    const graph = makeGraph(
      [
        ['notify', 'notify', { channel: 'email', to: 'owner', body: 'x' }],
        ['bh', 'business_hours', c.business_hours],
        ['x', 'teleport', {}],
        ['end', 'end', c.end],
      ],
      [
        ['notify', 'next', 'bh'],
        ['bh', 'open', 'end'],
        ['bh', 'open', 'nowhere'],
      ],
    );
    expect(codes(validateGraph(graph).problems)).toEqual([
      'missing_trigger',
      'unknown_node_type',
      'invalid_config',
      'dangling_edge',
      'unconnected_handle',
      'handle_connected_twice',
    ]);
  });

  it('still checks static handles when a config is invalid, but not config-derived ones', () => {
    const graph = makeGraph(
      [
        ['trigger', 'trigger', c.trigger],
        ['bh', 'business_hours', { scheduleId: '' }],
        ['cond', 'condition', { rules: [] }],
        ['end', 'end', c.end],
      ],
      [
        ['trigger', 'next', 'bh'],
        ['bh', 'open', 'cond'],
        ['bh', 'maybe', 'end'],
        ['cond', 'anything', 'end'],
      ],
    );
    const problems = validateGraph(graph).problems;
    expect(problems.filter((p) => p.code === 'unknown_handle').map((p) => p.nodeId)).toEqual([
      'bh',
    ]);
    expect(problems.filter((p) => p.code === 'unconnected_handle').map((p) => p.nodeId)).toEqual([
      'bh',
    ]);
  });

  it('reports a malformed graph by where the problem is', () => {
    const result = validateGraph({
      nodes: [{ id: 'a', type: 'trigger', position: { x: 0 }, data: { config: {} } }],
      edges: [{ id: 'e1', source: 'a', target: 'b' }],
    });
    expect(result.ok).toBe(false);
    expect(result.problems).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ code: 'invalid_graph', nodeId: 'a', field: 'position.y' }),
        expect.objectContaining({ code: 'invalid_graph', edgeId: 'e1', field: 'sourceHandle' }),
      ]),
    );
    expect(result.problems.find((p) => p.edgeId === 'e1')?.message).toBe(
      'The edge "e1" is malformed at sourceHandle: required',
    );
    expect(validateGraph(null).problems[0]?.message).toMatch(/graph is malformed/);
    expect(validateGraph({ nodes: [{}], edges: [] }).problems[0]?.message).toMatch(
      /^The node #1 is malformed at id/,
    );
  });

  it('reports references to ids that do not exist, when the caller knows the ids', () => {
    const graph = makeGraph(
      [
        ['trigger', 'trigger', c.trigger],
        ['bh', 'business_hours', { scheduleId: 'gone' }],
        ['end', 'end', c.end],
      ],
      [
        ['trigger', 'next', 'bh'],
        ['bh', 'open', 'end'],
        ['bh', 'closed', 'end'],
      ],
    );
    expect(validateGraph(graph).ok).toBe(true);
    const result = validateGraph(graph, { references: { scheduleIds: ['office'] } });
    expect(result.problems).toEqual([
      expect.objectContaining({ code: 'unknown_reference', nodeId: 'bh', field: 'scheduleId' }),
    ]);
    expect(
      validateGraph(demoFlowGraph, {
        references: { teamIds: [demoFlowRefs.teamId], scheduleIds: [demoFlowRefs.scheduleId] },
      }).ok,
    ).toBe(true);
  });

  it('honours optional handles declared by a definition (custom catalogue)', () => {
    const probe = defineNode({
      type: 'probe',
      title: 'Probe',
      description: 'A test node with an optional exit.',
      category: 'integration',
      configSchema: z.object({}),
      defaultConfig: {},
      handles: ['ok', 'failed'],
      requiredHandles: ['ok'],
    });
    const graph = makeGraph(
      [
        ['trigger', 'trigger', c.trigger],
        ['p', 'probe', {}],
        ['end', 'end', c.end],
      ],
      [
        ['trigger', 'next', 'p'],
        ['p', 'ok', 'end'],
      ],
    );
    expect(validateGraph(graph).problems.map((p) => p.code)).toEqual(['unknown_node_type']);
    expect(validateGraph(graph, { catalogue: { ...nodeCatalogue, probe } }).problems).toEqual([]);
  });

  it('says "required" for a missing config field', () => {
    const graph = makeGraph(
      [base[0] as NodeSpec, ['notify', 'notify', { to: 'owner', body: 'x' }], base[2] as NodeSpec],
      baseEdges,
    );
    expect(validateGraph(graph).problems).toEqual([
      {
        code: 'invalid_config',
        nodeId: 'notify',
        field: 'channel',
        message: 'Notify "notify": channel: required',
      },
    ]);
  });

  it('names nodes by their label in messages', () => {
    const graph = makeGraph(base, [['trigger', 'next', 'notify']]);
    const node = graph.nodes[1];
    if (node) node.label = 'Tell the rep';
    expect(validateGraph(graph).problems[0]?.message).toBe(
      'Notify "Tell the rep" (notify): the "next" exit is not connected; connect it to the next step (or to an End).',
    );
  });
});
