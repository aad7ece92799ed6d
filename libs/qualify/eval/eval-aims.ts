import type { EvalFigures } from './measure-eval';

/** What the heuristic must reach on the eval set (issue 10); the model is reported, not held to it. */
export const HEURISTIC_AIMS = { hotRecall: 0.85, spamRecall: 0.9, accuracy: 0.8 } as const;

/** The aims a run misses, in words; empty when all are met. */
export function missedAims(figures: EvalFigures): string[] {
  const missed: string[] = [];
  const pct = (n: number) => `${(n * 100).toFixed(1)} %`;
  if (figures.perClass.hot.recall < HEURISTIC_AIMS.hotRecall)
    missed.push(
      `hot recall ${pct(figures.perClass.hot.recall)} < ${pct(HEURISTIC_AIMS.hotRecall)}`,
    );
  if (figures.perClass.spam.recall < HEURISTIC_AIMS.spamRecall)
    missed.push(
      `spam recall ${pct(figures.perClass.spam.recall)} < ${pct(HEURISTIC_AIMS.spamRecall)}`,
    );
  if (figures.injectionHot.length > 0)
    missed.push(`injection leads scored hot: ${figures.injectionHot.join(', ')}`);
  if (figures.accuracy < HEURISTIC_AIMS.accuracy)
    missed.push(`overall ${pct(figures.accuracy)} < ${pct(HEURISTIC_AIMS.accuracy)}`);
  return missed;
}
