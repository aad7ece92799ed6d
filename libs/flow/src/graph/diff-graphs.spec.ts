import { demoFlowGraph } from '../demo/demo-flow.graph';
import { diffConfig, diffGraphs, isEmptyDiff, summarizeDiff } from './diff-graphs';
import type { FlowGraph, FlowNode } from './flow-graph.schema';

const node = (id: string, type: string, config: Record<string, unknown> = {}): FlowNode => ({
  id,
  type,
  position: { x: 0, y: 0 },
  data: { config },
  label: id,
});
const edge = (source: string, sourceHandle: string, target: string, id?: string) => ({
  id: id ?? `${source}.${sourceHandle}->${target}`,
  source,
  sourceHandle,
  target,
});
const clone = (graph: FlowGraph): FlowGraph => JSON.parse(JSON.stringify(graph)) as FlowGraph;

const before: FlowGraph = {
  nodes: [
    node('start', 'trigger', { sources: [] }),
    node('route', 'condition', {
      rules: [
        {
          id: 'hot',
          label: 'Hot',
          match: 'all',
          clauses: [{ fact: 'score', op: 'gte', value: 70 }],
        },
      ],
    }),
    node('old', 'notify', { channel: 'email', to: 'owner' }),
    node('end', 'end', { outcome: 'other' }),
  ],
  edges: [edge('start', 'next', 'route'), edge('route', 'hot', 'old'), edge('old', 'next', 'end')],
};

describe('diffGraphs', () => {
  it('finds nothing between a graph and its copy, key order and edge ids aside', () => {
    const copy = clone(demoFlowGraph);
    copy.edges = copy.edges.map((e, i) => ({ ...e, id: `renamed-${i}` }));
    const diff = diffGraphs(demoFlowGraph, copy);
    expect(isEmptyDiff(diff)).toBe(true);
    expect(summarizeDiff(diff)).toBe('No changes');
  });

  it('lists steps added, removed and changed, and connections by source, handle and target', () => {
    const after = clone(before);
    after.nodes = after.nodes.filter((n) => n.id !== 'old');
    after.nodes.push(node('assign', 'assign', { strategy: 'round_robin' }));
    after.nodes.push(node('notify2', 'notify', { channel: 'in_app' }));
    after.edges = [
      edge('start', 'next', 'route'),
      edge('route', 'hot', 'assign'),
      edge('assign', 'assigned', 'end'),
    ];
    const diff = diffGraphs(before, after);

    expect(diff.addedNodes.map((n) => n.id)).toEqual(['assign', 'notify2']);
    expect(diff.removedNodes.map((n) => n.id)).toEqual(['old']);
    expect(diff.changedNodes).toEqual([]);
    expect(diff.addedEdges.map((e) => e.id)).toEqual(['route.hot->assign', 'assign.assigned->end']);
    expect(diff.removedEdges.map((e) => e.id)).toEqual(['route.hot->old', 'old.next->end']);
    expect(summarizeDiff(diff)).toBe('2 steps added, 1 removed, 2 connections added, 2 removed');
  });

  it('reports a nested config change by its dotted path with before and after', () => {
    const after = clone(before);
    const route = after.nodes[1] as FlowNode;
    const rules = route.data.config['rules'] as { clauses: { value: unknown }[] }[];
    (rules[0] as { clauses: { value: unknown }[] }).clauses.push({
      fact: 'country',
      op: 'eq',
      value: 'DE',
    } as never);
    const diff = diffGraphs(before, after);
    expect(diff.changedNodes.map((c) => c.id)).toEqual(['route']);
    expect(diff.changedNodes[0]?.config).toEqual([
      {
        path: 'rules.0.clauses.1',
        segments: ['rules', 0, 'clauses', 1],
        before: undefined,
        after: { fact: 'country', op: 'eq', value: 'DE' },
      },
    ]);

    const later = clone(after);
    const laterRules = (later.nodes[1] as FlowNode).data.config['rules'] as {
      clauses: { value: unknown }[];
    }[];
    (laterRules[0]?.clauses[0] as { value: unknown }).value = 80;
    expect(diffGraphs(after, later).changedNodes[0]?.config).toEqual([
      {
        path: 'rules.0.clauses.0.value',
        segments: ['rules', 0, 'clauses', 0, 'value'],
        before: 70,
        after: 80,
      },
    ]);
    expect(summarizeDiff(diffGraphs(after, later))).toBe('1 step changed');
  });

  it('reports fields set, unset and changed, and a label or type change', () => {
    const after = clone(before);
    const old = after.nodes[2] as FlowNode;
    old.label = 'Tell the owner';
    old.data.config = { channel: 'in_app', userId: 'u1' };
    const [change] = diffGraphs(before, after).changedNodes;
    expect(change?.label).toEqual({ before: 'old', after: 'Tell the owner' });
    expect(change?.type).toBeUndefined();
    expect(change?.config.map((c) => [c.path, c.before, c.after])).toEqual([
      ['channel', 'email', 'in_app'],
      ['to', 'owner', undefined],
      ['userId', undefined, 'u1'],
    ]);

    const retyped = clone(before);
    (retyped.nodes[3] as FlowNode).type = 'custom';
    expect(diffGraphs(before, retyped).changedNodes[0]?.type).toEqual({
      before: 'end',
      after: 'custom',
    });
  });

  it('ignores moved steps unless asked, and a missing label equals an empty one', () => {
    const unlabelled = clone(before);
    (unlabelled.nodes[3] as FlowNode).label = undefined;
    const after = clone(unlabelled);
    (after.nodes[0] as FlowNode).position = { x: 500, y: 40 };
    (after.nodes[3] as FlowNode).label = '';
    expect(isEmptyDiff(diffGraphs(unlabelled, after))).toBe(true);
    const moved = diffGraphs(unlabelled, after, { positions: true }).changedNodes;
    expect(moved.map((c) => [c.id, c.position?.after])).toEqual([['start', { x: 500, y: 40 }]]);
  });

  it('compares arrays by index: a removed middle item shifts the rest', () => {
    expect(diffConfig({ reminders: [5, 10, 15] }, { reminders: [5, 15] })).toEqual([
      { path: 'reminders.1', segments: ['reminders', 1], before: 10, after: 15 },
      { path: 'reminders.2', segments: ['reminders', 2], before: 15, after: undefined },
    ]);
    expect(diffConfig({ sla: { minutes: 5 } }, { sla: 10 })).toEqual([
      { path: 'sla', segments: ['sla'], before: { minutes: 5 }, after: 10 },
    ]);
  });

  it('counts a duplicated connection once per copy', () => {
    const after = clone(before);
    after.edges.push(edge('start', 'next', 'route', 'dup'));
    const diff = diffGraphs(before, after);
    expect(diff.addedEdges.map((e) => e.id)).toEqual(['dup']);
    expect(summarizeDiff(diff)).toBe('1 connection added');
  });
});
