import { qualifyNode } from '../../nodes/qualify/qualify.node';
import { toNumber } from '../../conditions/coerce-value';
import { defineNodeSimulator } from '../node-simulator';

export const qualifySimulator = defineNodeSimulator(qualifyNode, ({ config, state }) => {
  const qualification = state.facts.qualification;
  const score = toNumber(qualification['score']);
  if (score === undefined) {
    return {
      handle: 'next',
      reason: 'No qualification was given, so there is no score; the model would be asked here.',
    };
  }
  const qualified = config.minScore === undefined ? undefined : score >= config.minScore;
  const verdict =
    qualified === undefined
      ? ''
      : qualified
        ? `, at or above the minimum ${config.minScore}`
        : `, below the minimum ${config.minScore}`;
  // A simulation never waits for the model: say so when the score is the heuristic's.
  const by =
    qualification['method'] === 'heuristic'
      ? ' by the heuristic (the model is not asked here)'
      : '';
  return {
    handle: 'next',
    reason: `Scored ${score}/100${by}${verdict}.`,
    state:
      qualified === undefined
        ? undefined
        : { facts: { ...state.facts, qualification: { ...qualification, qualified } } },
  };
});
