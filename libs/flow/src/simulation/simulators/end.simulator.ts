import { endNode } from '../../nodes/end/end.node';
import { defineNodeSimulator } from '../node-simulator';

export const endSimulator = defineNodeSimulator(endNode, ({ config }) => ({
  handle: null,
  reason: `The flow finished: ${config.outcome}.`,
  end: config.outcome,
}));
