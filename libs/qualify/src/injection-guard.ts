import { REASON_MAX_LENGTH, REASONS_MAX_COUNT } from './qualification.schema';
import type { Qualifier } from './qualifier';
import { qualifyByHeuristics } from './heuristic/heuristic-qualifier';
import { describeInjection, detectInjection } from './heuristic/injection-signals';
import { leadText } from './heuristic/lead-text';
import { clipText } from '@baton/text';

/** How far the model may score above the heuristic on a lead that tries to instruct it. */
export const INJECTION_MARGIN = 10;

/**
 * The prompt already fences the lead text off as data; this is the second line. When the text
 * carries instruction-like content, the model's score may exceed what the heuristic
 * corroborates by at most INJECTION_MARGIN, the heuristic's spam verdict stands, and the first
 * reason says so, which is what the lead's timeline shows.
 */
export function guardAgainstInjection(model: Qualifier): Qualifier {
  return {
    async qualify(input, overrides) {
      const answer = await model.qualify(input, overrides);
      const injection = detectInjection(
        [input.name, input.company ?? '', leadText(input)].join('\n'),
      );
      if (!injection.suspected) return answer;
      const heuristic = qualifyByHeuristics(input, overrides);
      const cap = Math.min(100, heuristic.score + INJECTION_MARGIN);
      const score = Math.min(answer.score, cap);
      const spam = answer.spam || heuristic.spam;
      return {
        ...answer,
        score: spam ? Math.min(score, heuristic.score) : score,
        spam,
        intent: spam ? 'spam' : answer.intent,
        reasons: [
          clipText(
            `${describeInjection(injection)}: model score capped at ${cap}`,
            REASON_MAX_LENGTH,
          ),
          ...answer.reasons,
        ].slice(0, REASONS_MAX_COUNT),
      };
    },
  };
}
