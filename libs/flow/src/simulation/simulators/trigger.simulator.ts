import { triggerNode } from '../../nodes/trigger/trigger.node';
import { defineNodeSimulator } from '../node-simulator';

export const triggerSimulator = defineNodeSimulator(triggerNode, ({ config }) => {
  const sources =
    config.sources.length === 0 ? 'any source' : `sources ${config.sources.join(', ')}`;
  const forms = config.forms.length === 0 ? 'any form' : `forms ${config.forms.join(', ')}`;
  return { handle: 'next', reason: `The lead entered the flow (trigger: ${sources}, ${forms}).` };
});
