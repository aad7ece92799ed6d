// @ts-check
// Prints one closing line for a CI run, "ci: N passed, N failed", adding up the last
// "tests: …" line of `npm test` and the "chaos: …" line of the chaos suite in a log file.
// Builtins only: .ci/run calls it directly.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ansi = /\u001b\[[0-9;]*m/g;
const summary = /^(tests|chaos): (\d+) passed, (\d+) failed(?:, (\d+) skipped)?\s*$/;

/** @param {string} text */
export function ciTotals(text) {
  /** @type {Record<string, { passed: number, failed: number, skipped: number }>} */
  const last = {};
  for (const line of text.split('\n')) {
    const match = summary.exec(line.replace(ansi, '').trim());
    if (match)
      last[match[1]] = {
        passed: Number(match[2]),
        failed: Number(match[3]),
        skipped: Number(match[4] ?? 0),
      };
  }
  const parts = Object.values(last);
  return {
    found: parts.length,
    passed: parts.reduce((n, p) => n + p.passed, 0),
    failed: parts.reduce((n, p) => n + p.failed, 0),
    skipped: parts.reduce((n, p) => n + p.skipped, 0),
  };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const file = process.argv[2];
  if (!file) {
    console.error('usage: node tools/stack/src/ci-summary.mjs <log file>');
    process.exit(2);
  }
  const totals = ciTotals(fs.readFileSync(file, 'utf8'));
  if (totals.found === 0) {
    console.error('ci: no test summary found in the log');
    process.exit(1);
  }
  const skipped = totals.skipped > 0 ? `, ${totals.skipped} skipped` : '';
  console.log(`ci: ${totals.passed} passed, ${totals.failed} failed${skipped}`);
  process.exit(totals.failed > 0 ? 1 : 0);
}
