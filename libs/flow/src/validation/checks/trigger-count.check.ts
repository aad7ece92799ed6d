import type { GraphCheck } from './graph-check';

export const checkTriggerCount: GraphCheck = ({ nodes }) => {
  const triggers = [...nodes.values()]
    .filter((f) => f.node.type === 'trigger')
    .map((f) => f.node.id);
  if (triggers.length === 1) return [];
  if (triggers.length === 0) {
    return [
      {
        code: 'missing_trigger',
        message: 'The flow has no trigger; add one so leads know where to start.',
      },
    ];
  }
  return [
    {
      code: 'multiple_triggers',
      nodeId: triggers[1],
      nodeIds: triggers,
      message: `The flow has ${triggers.length} triggers (${triggers.join(', ')}); keep exactly one.`,
    },
  ];
};
