// @ts-check
// A Jest reporter that writes each run's totals to a JSON file in $BATON_TEST_RESULTS_DIR, so that
// `npm test` can add up the results of every Jest run (one per project under nx, plus e2e).
// Does nothing when the variable is unset. Wired in jest.preset.js:
//   reporters: ['default', require.resolve('./tools/stack/src/jest-totals-reporter.cjs')],
const fs = require('node:fs');
const path = require('node:path');

class JestTotalsReporter {
  /**
   * @param {{ rootDir?: string }} globalConfig
   */
  constructor(globalConfig) {
    this.rootDir = globalConfig.rootDir ?? process.cwd();
  }

  /**
   * @param {unknown} _contexts
   * @param {{ numPassedTests: number, numFailedTests: number, numPendingTests: number, numTodoTests: number,
   *   numRuntimeErrorTestSuites: number, numTotalTestSuites: number, success: boolean }} results
   */
  onRunComplete(_contexts, results) {
    const dir = process.env.BATON_TEST_RESULTS_DIR;
    if (!dir) return;
    fs.mkdirSync(dir, { recursive: true });
    const name = path.basename(this.rootDir).replace(/[^\w.-]/g, '_');
    const file = path.join(dir, `${name}-${process.pid}-${Date.now()}.json`);
    const totals = {
      project: path.relative(process.cwd(), this.rootDir) || '.',
      passed: results.numPassedTests,
      failed: results.numFailedTests,
      skipped: results.numPendingTests + results.numTodoTests,
      suitesFailedToRun: results.numRuntimeErrorTestSuites,
      suites: results.numTotalTestSuites,
      success: results.success,
    };
    fs.writeFileSync(file, `${JSON.stringify(totals)}\n`);
  }
}

module.exports = JestTotalsReporter;
