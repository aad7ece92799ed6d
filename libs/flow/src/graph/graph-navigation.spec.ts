import { makeGraph } from '../../test/make-graph.util';
import { findNode, findTriggerNode, followHandle } from './graph-navigation';

const graph = makeGraph(
  [
    ['start', 'trigger'],
    ['hours', 'business_hours'],
    ['end', 'end'],
  ],
  [
    ['start', 'next', 'hours'],
    ['hours', 'open', 'end'],
    ['hours', 'closed', 'ghost'],
  ],
);

describe('graph navigation', () => {
  it('finds the trigger and nodes by id', () => {
    expect(findTriggerNode(graph)?.id).toBe('start');
    expect(findNode(graph, 'end')?.type).toBe('end');
    expect(findNode(graph, 'nope')).toBeUndefined();
  });

  it('follows a handle to the next node, or to nothing', () => {
    expect(followHandle(graph, 'hours', 'open')?.id).toBe('end');
    expect(followHandle(graph, 'hours', 'closed')).toBeUndefined();
    expect(followHandle(graph, 'end', 'next')).toBeUndefined();
  });
});
