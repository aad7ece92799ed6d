import { conditionNode } from '../../nodes/condition/condition.node';
import { chooseConditionBranch } from '../../conditions/choose-condition-branch';
import { defineNodeSimulator } from '../node-simulator';

export const conditionSimulator = defineNodeSimulator(conditionNode, ({ config, state }) => {
  const branch = chooseConditionBranch(config, state.facts);
  return { handle: branch.handle, reason: branch.explanation, detail: { condition: branch } };
});
