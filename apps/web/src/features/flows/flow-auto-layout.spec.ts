import { demoFlowGraph } from '@baton/flow';
import { autoLayout, DEFAULT_NODE_SIZE } from './flow-auto-layout';

describe('autoLayout', () => {
  it('lays the demo flow out left to right with no two nodes overlapping', () => {
    const positions = autoLayout(demoFlowGraph);
    expect(positions.size).toBe(demoFlowGraph.nodes.length);
    for (const edge of demoFlowGraph.edges) {
      const from = positions.get(edge.source);
      const to = positions.get(edge.target);
      // Every step is right of the one before it, loops aside.
      if (from && to && edge.target !== 'escalate') expect(to.x).toBeGreaterThan(from.x);
    }
    const boxes = [...positions.values()];
    for (const [i, a] of boxes.entries()) {
      for (const b of boxes.slice(i + 1)) {
        const apart =
          Math.abs(a.x - b.x) >= DEFAULT_NODE_SIZE.width ||
          Math.abs(a.y - b.y) >= DEFAULT_NODE_SIZE.height;
        expect(apart).toBe(true);
      }
    }
  });
});
