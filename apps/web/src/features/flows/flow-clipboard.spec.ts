import { createDemoFlowGraph, demoFlowRefs, validateGraph } from '@baton/flow';
import { copyFragment, pasteFragment, PASTE_OFFSET } from './flow-clipboard';

const graph = createDemoFlowGraph(demoFlowRefs);

describe('copy and paste of steps', () => {
  it('copies the chosen steps with the connections between them, never the trigger', () => {
    const fragment = copyFragment(graph, ['trigger', 'assign-rep', 'alert-owner', 'email-owner']);
    expect(fragment?.nodes.map((n) => n.id)).toEqual(['assign-rep', 'alert-owner', 'email-owner']);
    expect(fragment?.edges.map((e) => `${e.source}->${e.target}`).sort()).toEqual([
      'alert-owner->email-owner',
      'assign-rep->alert-owner',
    ]);
    expect(copyFragment(graph, ['trigger'])).toBeNull();
  });

  it('pastes copies with fresh ids, rewired among themselves, offset, leaving the originals alone', () => {
    const fragment = copyFragment(graph, ['assign-rep', 'alert-owner']);
    if (!fragment) throw new Error('nothing copied');
    const pasted = pasteFragment(graph, fragment);
    expect(pasted.nodeIds).toEqual(['assign', 'notify']);
    expect(pasted.graph.nodes).toHaveLength(graph.nodes.length + 2);
    const copy = pasted.graph.nodes.find((n) => n.id === 'assign');
    const original = graph.nodes.find((n) => n.id === 'assign-rep');
    expect(copy?.position).toEqual({
      x: (original?.position.x ?? 0) + PASTE_OFFSET.x,
      y: (original?.position.y ?? 0) + PASTE_OFFSET.y,
    });
    expect(copy?.data).toEqual(original?.data);
    expect(copy?.data).not.toBe(original?.data);
    const newEdges = pasted.graph.edges.slice(graph.edges.length);
    expect(newEdges).toEqual([
      {
        id: 'assign.assigned->notify',
        source: 'assign',
        sourceHandle: 'assigned',
        target: 'notify',
      },
    ]);
    // Ids stay unique: the graph still parses and only the pasted steps' open exits are new problems.
    const codes = validateGraph(pasted.graph).problems.map((p) => p.code);
    expect(codes).not.toContain('duplicate_node_id');
  });

  it('pasting twice lands the second copy further on', () => {
    const fragment = copyFragment(graph, ['alert-owner']);
    if (!fragment) throw new Error('nothing copied');
    const once = pasteFragment(graph, fragment, 1);
    const twice = pasteFragment(once.graph, fragment, 2);
    const [a, b] = [once.nodeIds[0], twice.nodeIds[0]].map(
      (id) => twice.graph.nodes.find((n) => n.id === id)?.position.x,
    );
    expect((b ?? 0) - (a ?? 0)).toBe(PASTE_OFFSET.x);
  });
});
