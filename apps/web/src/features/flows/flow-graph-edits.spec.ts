import { demoFlowGraph, type FlowGraph } from '@baton/flow';
import { makeCatalogue } from '../../test/make-flow';
import {
  addNodeAfter,
  connect,
  connectionRefusal,
  moveNodes,
  nextNodeId,
  reconnect,
  removeElements,
  setNodeLabel,
} from './flow-graph-edits';

const catalogue = new Map(makeCatalogue().map((d) => [d.type, d]));
const describe_ = (type: string) => {
  const d = catalogue.get(type);
  if (!d) throw new Error(type);
  return d;
};
const trigger: FlowGraph = {
  nodes: [{ id: 'trigger', type: 'trigger', position: { x: 0, y: 0 }, data: { config: {} } }],
  edges: [],
};

describe('flow graph edits', () => {
  it('names new nodes after their type, numbering repeats', () => {
    expect(nextNodeId(trigger, 'wait_for_contact')).toBe('wait-for-contact');
    let g = addNodeAfter(trigger, describe_('end'), null, catalogue).graph;
    g = addNodeAfter(g, describe_('end'), null, catalogue).graph;
    expect(g.nodes.map((n) => n.id)).toEqual(['trigger', 'end', 'end-2']);
  });

  it('adds after a node from its first free exit, below the first when that one is taken', () => {
    const first = addNodeAfter(trigger, describe_('assign'), 'trigger', catalogue);
    expect(first.nodeId).toBe('assign');
    let graph = first.graph;
    ({ graph } = addNodeAfter(graph, describe_('end'), 'assign', catalogue));
    ({ graph } = addNodeAfter(graph, describe_('end'), 'assign', catalogue));
    expect(graph.edges.map((e) => e.id)).toEqual([
      'trigger.next->assign',
      'assign.assigned->end',
      'assign.nobody->end-2',
    ]);
    const [end, end2] = [graph.nodes[2], graph.nodes[3]];
    expect(end?.position.x).toBe(600);
    expect(end2?.position.y).toBeGreaterThan(end?.position.y ?? 0);
    // The default config is a copy: editing the node never edits the catalogue.
    expect(graph.nodes[1]?.data.config).not.toBe(describe_('assign').defaultConfig);
  });

  it('refuses a second edge from one exit, an edge into the trigger, and a loop onto itself', () => {
    const end = { id: 'end', type: 'end', position: { x: 300, y: 0 }, data: { config: {} } };
    const g = connect(
      { ...trigger, nodes: [...trigger.nodes, end] },
      { source: 'trigger', sourceHandle: 'next', target: 'end' },
    ) as FlowGraph;
    expect(g.edges).toHaveLength(1);
    expect(
      connectionRefusal(g, { source: 'trigger', sourceHandle: 'next', target: 'end' }),
    ).toMatch(/already connected/);
    expect(connect(g, { source: 'end', sourceHandle: 'x', target: 'trigger' })).toBeNull();
    expect(connect(g, { source: 'end', sourceHandle: 'x', target: 'end' })).toBeNull();
    // Moving the one edge elsewhere is fine: its old place no longer counts.
    expect(
      reconnect(g, 'trigger.next->end', { source: 'trigger', sourceHandle: 'next', target: 'end' })
        ?.edges,
    ).toHaveLength(1);
  });

  it('removes nodes with every edge touching them, moves nodes, and clears empty labels', () => {
    const without = removeElements(demoFlowGraph, ['qualify'], []);
    expect(without.nodes.some((n) => n.id === 'qualify')).toBe(false);
    expect(without.edges.some((e) => e.source === 'qualify' || e.target === 'qualify')).toBe(false);
    expect(removeElements(demoFlowGraph, [], [])).toBe(demoFlowGraph);
    expect(moveNodes(trigger, new Map([['trigger', { x: 0.2, y: 0 }]]))).toBe(trigger);
    expect(
      moveNodes(trigger, new Map([['trigger', { x: 10.4, y: 5 }]])).nodes[0]?.position,
    ).toEqual({ x: 10, y: 5 });
    const named = setNodeLabel(trigger, 'trigger', 'Website');
    expect(named.nodes[0]?.label).toBe('Website');
    expect('label' in (setNodeLabel(named, 'trigger', '  ').nodes[0] ?? {})).toBe(false);
  });
});
