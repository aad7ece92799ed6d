import { endNode } from '../../catalogue/end.node';
import { defineNodeSimulator } from '../node-simulator';

export const endSimulator = defineNodeSimulator(endNode, ({ config }) => ({
  handle: null,
  reason: `The flow finished: ${config.outcome}.`,
  end: config.outcome,
}));
