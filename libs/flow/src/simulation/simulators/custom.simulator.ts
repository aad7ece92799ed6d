import { customNode } from '../../nodes/custom/custom.node';
import { defineNodeSimulator } from '../node-simulator';

export const customSimulator = defineNodeSimulator(customNode, ({ config }) => ({
  handle: 'failed',
  reason: `Custom activities are not available yet, so "${config.activity}" takes "failed".`,
}));
