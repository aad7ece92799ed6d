import { flowGraphSchema } from './flow-graph.schema';

describe('flowGraphSchema', () => {
  it('keeps the saved shape and drops React Flow UI state', () => {
    const parsed = flowGraphSchema.parse({
      nodes: [
        {
          id: 'a',
          type: 'trigger',
          position: { x: 1, y: 2 },
          data: { config: { sources: [] }, onChange: 'ui state' },
          label: 'Start',
          selected: true,
          measured: { width: 100, height: 40 },
        },
      ],
      edges: [
        {
          id: 'e',
          source: 'a',
          sourceHandle: 'next',
          target: 'b',
          targetHandle: null,
          animated: true,
        },
      ],
      viewport: { x: 0, y: 0, zoom: 1 },
    });
    expect(parsed).toEqual({
      nodes: [
        {
          id: 'a',
          type: 'trigger',
          position: { x: 1, y: 2 },
          data: { config: { sources: [] } },
          label: 'Start',
        },
      ],
      edges: [{ id: 'e', source: 'a', sourceHandle: 'next', target: 'b' }],
    });
  });

  it.each([
    ['an edge without a handle', { nodes: [], edges: [{ id: 'e', source: 'a', target: 'b' }] }],
    [
      'a node without config',
      { nodes: [{ id: 'a', type: 'end', position: { x: 0, y: 0 }, data: {} }], edges: [] },
    ],
    [
      'a config that is not an object',
      {
        nodes: [{ id: 'a', type: 'end', position: { x: 0, y: 0 }, data: { config: [] } }],
        edges: [],
      },
    ],
    [
      'an infinite position',
      {
        nodes: [{ id: 'a', type: 'end', position: { x: Infinity, y: 0 }, data: { config: {} } }],
        edges: [],
      },
    ],
  ])('refuses %s', (_label, input) => {
    expect(flowGraphSchema.safeParse(input).success).toBe(false);
  });
});
