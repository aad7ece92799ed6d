import { type QualificationClass, qualificationClasses } from '@baton/api-contract';

/** What one qualifier said about one labelled lead. */
export interface EvalOutcome {
  id: string;
  profile: string;
  label: QualificationClass;
  injection: boolean;
  predicted: QualificationClass;
  score: number;
  method: string;
  latencyMs: number;
}

export interface ClassFigures {
  precision: number;
  recall: number;
  support: number;
}

export interface EvalFigures {
  total: number;
  accuracy: number;
  perClass: Record<QualificationClass, ClassFigures>;
  /** confusion[label][predicted] = count */
  confusion: Record<QualificationClass, Record<QualificationClass, number>>;
  /** Injection leads scored hot: must be zero. */
  injectionHot: string[];
  injectionTotal: number;
  latency: { p50: number; p95: number };
  methods: Record<string, number>;
  perProfile: Record<string, { total: number; accuracy: number }>;
  misses: EvalOutcome[];
}

const zeroRow = () =>
  Object.fromEntries(qualificationClasses.map((c) => [c, 0])) as Record<QualificationClass, number>;

/** Nearest-rank percentile; 0 for no values. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return (
    sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? 0
  );
}

/** Precision, recall, confusion and latency over a run. A class with no predictions has precision 0. */
export function measureEval(outcomes: readonly EvalOutcome[]): EvalFigures {
  const confusion = Object.fromEntries(qualificationClasses.map((c) => [c, zeroRow()])) as Record<
    QualificationClass,
    Record<QualificationClass, number>
  >;
  for (const o of outcomes) confusion[o.label][o.predicted] += 1;

  const perClass = Object.fromEntries(
    qualificationClasses.map((c) => {
      const truePositives = confusion[c][c];
      const predicted = qualificationClasses.reduce((sum, l) => sum + confusion[l][c], 0);
      const support = qualificationClasses.reduce((sum, p) => sum + confusion[c][p], 0);
      return [
        c,
        {
          precision: predicted === 0 ? 0 : truePositives / predicted,
          recall: support === 0 ? 0 : truePositives / support,
          support,
        },
      ];
    }),
  ) as Record<QualificationClass, ClassFigures>;

  const methods: Record<string, number> = {};
  const byProfile: Record<string, { total: number; right: number }> = {};
  for (const o of outcomes) {
    methods[o.method] = (methods[o.method] ?? 0) + 1;
    const p = (byProfile[o.profile] ??= { total: 0, right: 0 });
    p.total += 1;
    if (o.predicted === o.label) p.right += 1;
  }
  const right = outcomes.filter((o) => o.predicted === o.label).length;
  const latencies = outcomes.map((o) => o.latencyMs);
  return {
    total: outcomes.length,
    accuracy: outcomes.length === 0 ? 0 : right / outcomes.length,
    perClass,
    confusion,
    injectionHot: outcomes.filter((o) => o.injection && o.predicted === 'hot').map((o) => o.id),
    injectionTotal: outcomes.filter((o) => o.injection).length,
    latency: { p50: percentile(latencies, 50), p95: percentile(latencies, 95) },
    methods,
    perProfile: Object.fromEntries(
      Object.entries(byProfile).map(([k, v]) => [
        k,
        { total: v.total, accuracy: v.right / v.total },
      ]),
    ),
    misses: outcomes.filter((o) => o.predicted !== o.label),
  };
}
