import { heuristicQualifier } from '../src/heuristic/heuristic-qualifier';
import { HEURISTIC_AIMS, missedAims } from './eval-aims';
import { formatEvalReport } from './format-eval-report';
import { loadEvalSet } from './load-eval-set';
import { measureEval } from './measure-eval';
import { runEvalSet } from './run-eval-set';

/**
 * The heuristic against the labelled eval set (eval/leads): the figures `npm run eval:qualify`
 * prints, held to the aims of issue 10 so a change to a term list that costs hot or spam leads
 * fails here.
 */
describe('the heuristic on the labelled eval set', () => {
  const cases = loadEvalSet();

  it('has a set that stands for real traffic: 150+ leads, every profile, class and language', () => {
    expect(cases.length).toBeGreaterThanOrEqual(150);
    expect(new Set(cases.map((c) => c.profile)).size).toBe(6);
    expect(new Set(cases.map((c) => c.label))).toEqual(new Set(['hot', 'warm', 'cold', 'spam']));
    expect(new Set(cases.map((c) => c.language))).toEqual(new Set(['en', 'de', 'fr', 'es']));
    expect(cases.filter((c) => c.injection).length).toBeGreaterThanOrEqual(8);
  });

  it(`meets the aims: hot recall ≥ ${HEURISTIC_AIMS.hotRecall}, spam recall ≥ ${HEURISTIC_AIMS.spamRecall}, no injection hot, overall ≥ ${HEURISTIC_AIMS.accuracy}`, async () => {
    const { outcomes, errors } = await runEvalSet(
      heuristicQualifier,
      cases.map((c) => ({
        id: c.id,
        profile: c.profile,
        label: c.label,
        injection: c.injection,
        input: c.lead,
      })),
    );
    expect(errors).toEqual([]);
    const figures = measureEval(outcomes);
    const missed = missedAims(figures);
    if (missed.length > 0)
      console.log(formatEvalReport('heuristic', figures, { aims: true, misses: true }));
    expect(missed).toEqual([]);
  });
});
