// @ts-check
// Adds up Jest results: from the files jest-totals-reporter.cjs writes when jest.preset.js lists it,
// else from the "Tests:" / "Test Suites:" summary lines Jest prints (the fallback).
import fs from 'node:fs';
import path from 'node:path';

/** @typedef {{ passed: number, failed: number, skipped: number }} Totals */

export function emptyTotals() {
  return { passed: 0, failed: 0, skipped: 0 };
}

/**
 * @param {Totals} into
 * @param {Totals} add
 */
export function addTotals(into, add) {
  into.passed += add.passed;
  into.failed += add.failed;
  into.skipped += add.skipped;
  return into;
}

/**
 * Totals from the reporter's files in `dir`, or null when there are none. A suite that failed to
 * run (a compile error, a crash) counts as one failed test.
 * @param {string} dir
 * @returns {Totals | null}
 */
export function readReporterTotals(dir) {
  let files;
  try {
    files = fs.readdirSync(dir).filter((file) => file.endsWith('.json'));
  } catch {
    return null;
  }
  if (files.length === 0) return null;
  const totals = emptyTotals();
  for (const file of files) {
    const r = JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8'));
    addTotals(totals, {
      passed: r.passed,
      failed: r.failed + r.suitesFailedToRun,
      skipped: r.skipped,
    });
  }
  return totals;
}

const ansi = /\u001b\[[0-9;]*m/g;

/** @param {string} text */
export function stripAnsi(text) {
  return text.replace(ansi, '');
}

/** Collects Jest's printed summaries, line by line (any prefix, colours allowed). */
export class JestSummaryParser {
  constructor() {
    this.totals = emptyTotals();
    /** failed suites of the last "Test Suites:" line (Jest prints it just before "Tests:") */
    this.failedSuites = 0;
  }

  /** @param {string} rawLine */
  push(rawLine) {
    const line = stripAnsi(rawLine);
    const suites = /Test Suites:\s+(.*\d+ total)/.exec(line);
    if (suites) {
      this.failedSuites = Number(/(\d+) failed/.exec(suites[1])?.[1] ?? 0);
      return;
    }
    const tests = /Tests:\s+(.*\d+ total)/.exec(line);
    if (!tests) return;
    const count = (/** @type {string} */ word) =>
      Number(new RegExp(`(\\d+) ${word}`).exec(tests[1])?.[1] ?? 0);
    const failed = count('failed');
    // A suite that failed to run (compile error, crash) has no failed test: count it as one.
    addTotals(this.totals, {
      passed: count('passed'),
      failed: failed > 0 ? failed : this.failedSuites,
      skipped: count('skipped') + count('todo'),
    });
    this.failedSuites = 0;
  }

  /** @returns {Totals} */
  result() {
    return this.totals;
  }
}
