import { type EvalOutcome, measureEval, percentile } from './measure-eval';

const outcome = (
  id: string,
  label: EvalOutcome['label'],
  predicted: EvalOutcome['predicted'],
  extra: Partial<EvalOutcome> = {},
): EvalOutcome => ({
  id,
  profile: 'b2b',
  label,
  predicted,
  injection: false,
  score: 0,
  method: 'heuristic',
  latencyMs: 1,
  ...extra,
});

describe('measureEval', () => {
  it('counts precision, recall and the confusion matrix per class', () => {
    const figures = measureEval([
      outcome('a', 'hot', 'hot'),
      outcome('b', 'hot', 'warm'),
      outcome('c', 'warm', 'hot'),
      outcome('d', 'spam', 'spam'),
    ]);
    expect(figures.accuracy).toBe(0.5);
    expect(figures.perClass.hot).toEqual({ precision: 0.5, recall: 0.5, support: 2 });
    expect(figures.perClass.warm).toEqual({ precision: 0, recall: 0, support: 1 });
    expect(figures.perClass.spam).toEqual({ precision: 1, recall: 1, support: 1 });
    expect(figures.confusion.hot).toEqual({ hot: 1, warm: 1, cold: 0, spam: 0 });
    expect(figures.misses.map((m) => m.id)).toEqual(['b', 'c']);
  });

  it('names every injection lead that came out hot', () => {
    const figures = measureEval([
      outcome('x', 'spam', 'hot', { injection: true }),
      outcome('y', 'cold', 'cold', { injection: true }),
    ]);
    expect(figures.injectionHot).toEqual(['x']);
    expect(figures.injectionTotal).toBe(2);
  });

  it('takes nearest-rank percentiles', () => {
    expect(percentile([5, 1, 3, 2, 4], 50)).toBe(3);
    expect(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 95)).toBe(10);
    expect(percentile([], 95)).toBe(0);
  });
});
