import type { FlowVersionStats } from '@baton/api-contract';
import { formatDuration, statsAnnotations, traceAnnotations } from './flow-canvas-annotations';

const step = (nodeId: string, handle: string | null, reason = `${nodeId} ran`) => ({
  nodeId,
  type: 'x',
  handle,
  reason,
  at: '2026-03-04T10:00:00.000Z',
});
const edge = (source: string, sourceHandle: string, target: string, id?: string) => ({
  id: id ?? `${source}.${sourceHandle}->${target}`,
  source,
  sourceHandle,
  target,
});

describe('traceAnnotations', () => {
  it('numbers the steps, keeps the exit and reason, and marks the edges taken', () => {
    const edges = [
      edge('trigger', 'next', 'cond'),
      edge('cond', 'hot', 'assign'),
      edge('cond', 'else', 'end'),
      // An imported graph's own edge id still matches by its ends.
      edge('assign', 'assigned', 'end', 'imported-7'),
    ];
    const trace = traceAnnotations(
      {
        path: [
          step('trigger', 'next'),
          step('cond', 'hot', 'Score 80 ≥ 70'),
          step('assign', 'assigned'),
          step('end', null),
        ],
      },
      edges,
    );
    if (trace.kind !== 'trace') throw new Error('not a trace');
    expect(trace.nodes.get('cond')).toEqual({
      steps: [2],
      handle: 'hot',
      reason: 'Score 80 ≥ 70',
      last: false,
    });
    expect(trace.nodes.get('end')?.last).toBe(true);
    expect([...trace.edges].sort()).toEqual([
      'cond.hot->assign',
      'imported-7',
      'trigger.next->cond',
    ]);
  });

  it('lists every visit of a node a lead loops through', () => {
    const trace = traceAnnotations(
      { path: [step('wait', 'breached'), step('remind', 'next'), step('wait', 'contacted')] },
      [edge('wait', 'breached', 'remind'), edge('remind', 'next', 'wait')],
    );
    if (trace.kind !== 'trace') throw new Error('not a trace');
    expect(trace.nodes.get('wait')?.steps).toEqual([1, 3]);
    expect(trace.edges.size).toBe(2);
  });
});

describe('statsAnnotations', () => {
  const stat = (nodeId: string, leaked = 0) => ({
    nodeId,
    type: 'assign',
    label: null,
    visits: 10,
    leads: 10,
    exited: 10,
    medianSeconds: 30,
    timedVisits: 10,
    handles: [],
    leaked,
    leakShare: leaked / 10,
  });
  const stats = (nodes: ReturnType<typeof stat>[]): FlowVersionStats => ({
    flowId: '00000000-0000-4000-8000-000000000000',
    version: 1,
    from: null,
    to: null,
    leads: 10,
    nodes,
  });

  it('marks the node after which most leads leaked', () => {
    const a = statsAnnotations(stats([stat('a', 1), stat('b', 4), stat('c', 2)]));
    expect(a.kind === 'stats' && a.worstLeak).toBe('b');
  });

  it('marks none when nothing leaked', () => {
    const a = statsAnnotations(stats([stat('a', 0), stat('b')]));
    expect(a.kind === 'stats' && a.worstLeak).toBeNull();
  });
});

describe('formatDuration', () => {
  it.each([
    [42, '42 s'],
    [180, '3 min'],
    [9000, '2.5 h'],
    [4 * 86_400, '4 d'],
  ])('%d s reads %s', (seconds, text) => expect(formatDuration(seconds)).toBe(text));
});
