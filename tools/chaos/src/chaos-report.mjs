// @ts-check
// The end of a chaos run: one table row per scenario, what went wrong in the failed ones, and the
// summary line CI reads last: `chaos: N passed, N failed`.
import { paint } from '../../stack/src/log.mjs';

/**
 * @typedef {object} ScenarioResult
 * @property {string} title
 * @property {number | null} leads leads answered 202 (null: the scenario did not get that far)
 * @property {number | null} lost
 * @property {number | null} duplicates
 * @property {number | null} longestDelayMs receipt → owner notified
 * @property {number} elapsedMs
 * @property {string[]} problems empty when it passed
 */

/** @param {number | null} ms */
export function formatDelay(ms) {
  if (ms === null) return '-';
  return ms < 10_000 ? `${(ms / 1000).toFixed(1)} s` : `${Math.round(ms / 1000)} s`;
}

/** @param {ScenarioResult[]} results */
export function formatTable(results) {
  const header = ['scenario', 'leads', 'lost', 'duplicates', 'longest delay', 'took', 'result'];
  const rows = results.map((r) => [
    r.title,
    r.leads === null ? '-' : String(r.leads),
    r.lost === null ? '-' : String(r.lost),
    r.duplicates === null ? '-' : String(r.duplicates),
    formatDelay(r.longestDelayMs),
    `${Math.round(r.elapsedMs / 1000)} s`,
    r.problems.length === 0 ? 'PASS' : 'FAIL',
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i].length)));
  const line = (/** @type {string[]} */ cells) =>
    cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  return [
    line(header),
    widths.map((w) => '-'.repeat(w)).join('  '),
    ...rows.map((row, i) => paint(results[i].problems.length === 0 ? 'green' : 'red', line(row))),
  ].join('\n');
}

/** @param {ScenarioResult[]} results @param {number} total scenarios meant to run */
export function summaryLine(results, total) {
  const passed = results.filter((r) => r.problems.length === 0).length;
  return `chaos: ${passed} passed, ${total - passed} failed`;
}

/**
 * @param {ScenarioResult[]} results
 * @param {number} total
 */
export function printReport(results, total) {
  console.log('');
  if (results.length > 0) console.log(formatTable(results));
  for (const r of results.filter((x) => x.problems.length > 0)) {
    console.log(`\n${paint('red', `✖ ${r.title}`)}`);
    for (const problem of r.problems) console.log(`  ${problem}`);
  }
  if (results.length < total) console.log(`\n${total - results.length} scenario(s) did not run`);
  const line = summaryLine(results, total);
  console.log(paint(line.endsWith(' 0 failed') ? 'green' : 'red', line));
}
