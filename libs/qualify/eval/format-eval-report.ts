import { qualificationClasses } from '@baton/api-contract';
import { missedAims } from './eval-aims';
import type { EvalFigures } from './measure-eval';

const pct = (n: number) => `${(n * 100).toFixed(1)}%`.padStart(6);
const ms = (n: number) => (n >= 1000 ? `${(n / 1000).toFixed(1)} s` : `${n.toFixed(1)} ms`);

/** The plain-text report `eval:qualify` prints for one qualifier. */
export function formatEvalReport(
  title: string,
  figures: EvalFigures,
  options: { aims?: boolean; misses?: boolean; errors?: number } = {},
): string {
  const lines = [`== ${title}: ${figures.total} leads ==`];
  lines.push(`overall accuracy ${pct(figures.accuracy).trim()}`);
  lines.push('class   precision  recall  support');
  for (const c of qualificationClasses) {
    const f = figures.perClass[c];
    lines.push(
      `${c.padEnd(7)} ${pct(f.precision).padStart(9)} ${pct(f.recall).padStart(7)} ${String(f.support).padStart(8)}`,
    );
  }
  lines.push('confusion (rows: label, columns: predicted)');
  lines.push(`${''.padEnd(7)}${qualificationClasses.map((c) => c.padStart(6)).join('')}`);
  for (const label of qualificationClasses) {
    lines.push(
      `${label.padEnd(7)}${qualificationClasses.map((p) => String(figures.confusion[label][p]).padStart(6)).join('')}`,
    );
  }
  lines.push(
    `injection leads scored hot: ${figures.injectionHot.length} of ${figures.injectionTotal}` +
      (figures.injectionHot.length ? ` (${figures.injectionHot.join(', ')})` : ''),
  );
  lines.push(`latency p50 ${ms(figures.latency.p50)}, p95 ${ms(figures.latency.p95)}`);
  lines.push(
    `answered by: ${
      Object.entries(figures.methods)
        .map(([m, n]) => `${m} ${n}`)
        .join(', ') || 'nobody'
    }` + (options.errors ? `; ${options.errors} not scored (errors)` : ''),
  );
  lines.push(
    `per profile: ${Object.entries(figures.perProfile)
      .map(([p, f]) => `${p} ${pct(f.accuracy).trim()} of ${f.total}`)
      .join(', ')}`,
  );
  if (options.aims) {
    const missed = missedAims(figures);
    lines.push(missed.length === 0 ? 'aims: all met' : `aims missed: ${missed.join('; ')}`);
  }
  if (options.misses && figures.misses.length > 0) {
    lines.push('misses:');
    for (const m of figures.misses)
      lines.push(
        `  ${m.id.padEnd(20)} label ${m.label.padEnd(5)} got ${m.predicted.padEnd(5)} (score ${m.score})`,
      );
  }
  return lines.join('\n');
}
