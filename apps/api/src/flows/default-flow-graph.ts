import { type FlowGraph, triggerNode } from '@baton/flow';

/** What a new flow starts with: just its trigger, for any source and form. */
export function defaultFlowGraph(): FlowGraph {
  return {
    nodes: [
      {
        id: 'trigger',
        type: triggerNode.type,
        position: { x: 0, y: 0 },
        data: { config: { ...triggerNode.defaultConfig } },
        label: triggerNode.title,
      },
    ],
    edges: [],
  };
}
