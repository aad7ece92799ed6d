// @ts-check
// `npm test`: every check of the workspace against real services, then one summary line.
//   dependencies → Chromium check → throwaway PostgreSQL + Temporal dev server (temp dir, free
//   ports, UI off) → nx lint/typecheck/test → API fuzz (schemathesis, api-fuzz/) → web build →
//   browser tests (apps/e2e) → stop all →
//   "tests: N passed, N failed[, N skipped]" as the very last line; non-zero exit on any failure.
// Only builtins and this folder's builtins-only modules are imported statically (see start.mjs).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureDependencies } from './ensure-dependencies.mjs';
import { UserError, fail, formatDuration, note, paint, step } from './log.mjs';
import { ProcessGroup, runMain } from './process-group.mjs';
import {
  JestSummaryParser,
  addTotals,
  emptyTotals,
  readReporterTotals,
  stripAnsi,
} from './test-results.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

/** CHROME_PATH, else Debian's /usr/bin/chromium; a clear error when neither is there. */
function findChromium() {
  const candidate = process.env.CHROME_PATH || '/usr/bin/chromium';
  try {
    fs.accessSync(candidate, fs.constants.X_OK);
    return candidate;
  } catch {
    throw new UserError(
      process.env.CHROME_PATH
        ? `CHROME_PATH=${process.env.CHROME_PATH} is not an executable file`
        : 'Chromium is needed for the browser tests and /usr/bin/chromium is missing: install the Debian package `chromium` (apt-get install chromium) or set CHROME_PATH',
    );
  }
}

/** The browser-test files of apps/e2e, if the project exists. */
function e2eTestFiles() {
  const dir = path.join(root, 'apps/e2e');
  if (!fs.existsSync(path.join(dir, 'jest.config.js'))) return null;
  /** @type {string[]} */
  const found = [];
  const walk = (/** @type {string} */ d) => {
    for (const entry of fs.readdirSync(d, { withFileTypes: true })) {
      if (entry.name === 'node_modules') continue;
      const full = path.join(d, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name.endsWith('.e2e.ts')) found.push(full);
    }
  };
  walk(dir);
  return found;
}

/**
 * Ollama with the SmolLM2 model (tools/stack/src/ollama-server.mjs), or null with a note when it
 * is not available here; in CI its absence is an error, since the real-model test must run.
 * @param {string} logs
 */
async function startLocalModelForTests(logs) {
  const ci = process.env.CI === 'true';
  const { resolveOllamaCli } = await import('./ollama-cli.mjs');
  const { ensureLocalModel } = await import('./local-model.mjs');
  const { startOllama } = await import('./ollama-server.mjs');
  const cli = await resolveOllamaCli({ build: ci });
  if (!cli) {
    note(
      'Ollama not found: the real-model test is skipped (run `node tools/stack/src/ollama-cli.mjs --ensure` to build it)',
    );
    return null;
  }
  const local = ensureLocalModel('smollm2');
  const server = await startOllama({
    cli,
    modelfile: local.modelfile,
    model: local.ollamaName,
    logFile: path.join(logs, 'ollama.log'),
  });
  note(`Ollama: ${server.host} with ${server.model}`);
  return server;
}

const group = new ProcessGroup();
const started = Date.now();
const totals = emptyTotals();
/** @type {string[]} */
const failedSteps = [];
/** @type {string | null} */
let tempDir = null;
/** Set once the checks run: failures before that (no Chromium, a service that won't start) are one line. */
let checksStarted = false;

/**
 * The last two lines: elapsed time (and failed steps), then the totals.
 * @param {number} exitCode
 */
function printSummary(exitCode) {
  const interrupted = exitCode === 130 || exitCode === 143 ? '; interrupted' : '';
  const failed =
    (failedSteps.length > 0 ? `; failed: ${failedSteps.join(', ')}` : '') + interrupted;
  console.log(`\nelapsed ${formatDuration(Date.now() - started)}${failed}`);
  const skipped = totals.skipped > 0 ? `, ${totals.skipped} skipped` : '';
  const line = `tests: ${totals.passed} passed, ${totals.failed} failed${skipped}`;
  console.log(paint(exitCode === 0 ? 'green' : 'red', line));
}

// The summary comes after everything has stopped (runMain exits from its shutdown), also on Ctrl-C.
process.on('exit', (code) => {
  if (tempDir) {
    const logs = path.join(tempDir, 'logs');
    const keepLogs = code !== 0 && fs.existsSync(logs) && fs.readdirSync(logs).length > 0;
    // after a failure keep the service logs for a look; the databases can always go
    for (const entry of fs.readdirSync(tempDir)) {
      if (!(keepLogs && entry === 'logs'))
        fs.rmSync(path.join(tempDir, entry), { recursive: true, force: true });
    }
    if (keepLogs) console.log(paint('gray', `service logs kept in ${logs}`));
    else fs.rmSync(tempDir, { recursive: true, force: true });
  }
  if (checksStarted) printSummary(code);
});

/**
 * Runs one Jest-running step; adds its totals (reporter files, else the printed summaries).
 * @param {string} label
 * @param {string} resultsDir
 * @param {string[]} args to npx
 * @param {NodeJS.ProcessEnv} env
 */
async function jestStep(label, resultsDir, args, env) {
  step(`${label}: npx ${args.join(' ')}`);
  const parser = new JestSummaryParser();
  /** @type {string[]} nx's "Failed tasks:" list, e.g. api:lint */
  const failedTasks = [];
  let inFailedTasks = false;
  const code = await group.run(label, 'npx', args, {
    cwd: root,
    env: { ...env, BATON_TEST_RESULTS_DIR: resultsDir },
    output: 'raw',
    onLine: (line) => {
      parser.push(line);
      const plain = stripAnsi(line);
      if (/^\s*Failed tasks:/.test(plain)) inFailedTasks = true;
      else if (inFailedTasks && /^\s*- \S+:\S+/.test(plain))
        failedTasks.push(plain.trim().slice(2));
      else if (inFailedTasks && plain.trim() !== '') inFailedTasks = false;
    },
  });
  addTotals(totals, readReporterTotals(resultsDir) ?? parser.result());
  if (code !== 0 && !group.stopping)
    failedSteps.push(failedTasks.length > 0 ? failedTasks.join(', ') : label);
  return code;
}

runMain(group, async () => {
  ensureDependencies(root);
  const chromium = findChromium();
  const { startPostgres } = await import('./postgres.mjs');
  const { startTemporal } = await import('./temporal-server.mjs');

  tempDir = fs.mkdtempSync(path.join(os.tmpdir(), 'baton-test-'));
  fs.chmodSync(tempDir, 0o755); // PostgreSQL runs as `postgres` when we are root
  const logs = path.join(tempDir, 'logs');
  const results = path.join(tempDir, 'results');
  fs.mkdirSync(logs, { recursive: true });
  step(`Starting a throwaway PostgreSQL and Temporal dev server in ${tempDir}`);
  const [pgResult, temporalResult] = await Promise.allSettled([
    startPostgres({
      dataDir: path.join(tempDir, 'postgres'),
      database: 'postgres',
      logFile: path.join(logs, 'postgres.log'),
      throwaway: true,
      externalUrl: process.env.BATON_TEST_DATABASE_URL ?? null,
    }),
    startTemporal({
      dataDir: path.join(tempDir, 'temporal'),
      logFile: path.join(logs, 'temporal.log'),
      ui: false,
      externalAddress: null,
    }),
  ]);
  if (pgResult.status === 'fulfilled') group.add('postgres', pgResult.value.stop);
  if (temporalResult.status === 'fulfilled') group.add('temporal', temporalResult.value.stop);
  if (pgResult.status === 'rejected') throw pgResult.reason;
  if (temporalResult.status === 'rejected') throw temporalResult.reason;

  // The real local model for the tests about it: always in CI, locally when Ollama is at hand.
  const ollama = await startLocalModelForTests(logs);
  if (ollama) group.add('ollama', ollama.stop);

  /** @type {NodeJS.ProcessEnv} */
  const env = {
    ...process.env,
    ...(ollama
      ? { BATON_TEST_OLLAMA_HOST: ollama.host, BATON_TEST_OLLAMA_MODEL: ollama.model }
      : {}),
    BATON_TEST_DATABASE_URL: pgResult.value.serverUrl,
    TEMPORAL_ADDRESS: temporalResult.value.address,
    // Tests that stop and start Temporal themselves (the outage test) run this binary.
    ...(temporalResult.value.cliPath ? { TEMPORAL_CLI: temporalResult.value.cliPath } : {}),
    CHROME_PATH: chromium,
    WEB_DIST: path.join(root, 'apps/web/dist'),
    NX_DAEMON: 'false',
    NX_NO_CLOUD: 'true',
    NX_TUI: 'false',
  };
  if (process.stdout.isTTY && !process.env.NO_COLOR) env.FORCE_COLOR ??= '1';
  note(
    `BATON_TEST_DATABASE_URL=${env.BATON_TEST_DATABASE_URL} TEMPORAL_ADDRESS=${env.TEMPORAL_ADDRESS}`,
  );

  checksStarted = true;
  const nxArgs = [
    'nx',
    'run-many',
    '-t',
    'lint,typecheck,test',
    '--parallel=2',
    '--outputStyle=stream',
  ];
  await jestStep('nx run-many (lint, typecheck, test)', path.join(results, 'nx'), nxArgs, env);
  if (group.stopping) return 130;

  // The running API against its own OpenAPI document; one test per operation in the totals.
  step('API fuzz: schemathesis over every operation of /api/docs-json, signed in as an admin');
  const { runApiFuzz } = await import('./api-fuzz/api-fuzz-step.mjs');
  try {
    const operations = await runApiFuzz({
      group,
      root,
      databaseServerUrl: pgResult.value.serverUrl,
      temporalAddress: temporalResult.value.address,
      logsDir: logs,
      workDir: tempDir,
    });
    if (group.stopping) return 130;
    const failed = operations.filter((operation) => !operation.ok).length;
    addTotals(totals, { passed: operations.length - failed, failed, skipped: 0 });
    if (failed > 0) failedSteps.push('api fuzz');
  } catch (error) {
    if (group.stopping) return 130;
    fail(error instanceof Error ? error.message : String(error));
    addTotals(totals, { passed: 0, failed: 1, skipped: 0 });
    failedSteps.push('api fuzz');
  }

  // One formatting for the whole tree, checked like lint (npm run format fixes it).
  step('Formatting: npx prettier --check .');
  const formatCode = await group.run(
    'prettier',
    'npx',
    ['prettier', '--check', '--log-level', 'warn', '.'],
    {
      cwd: root,
      env,
      output: 'raw',
    },
  );
  if (group.stopping) return 130;
  if (formatCode !== 0) {
    failedSteps.push('formatting');
    fail('some files are not formatted: run `npm run format`');
  }

  step('Building the web app: npx nx run web:build');
  const buildArgs = ['nx', 'run', 'web:build', '--outputStyle=stream'];
  const buildCode = await group.run('web build', 'npx', buildArgs, {
    cwd: root,
    env,
    output: 'raw',
  });
  if (group.stopping) return 130;
  const e2eFiles = e2eTestFiles();
  if (buildCode !== 0) {
    failedSteps.push('web build');
    fail('the web build failed: browser tests not run');
  } else if (e2eFiles === null || e2eFiles.length === 0) {
    const why =
      e2eFiles === null ? 'apps/e2e/jest.config.js is missing' : 'no *.e2e.ts under apps/e2e';
    note(`no e2e project yet (${why}): no browser tests run`);
  } else {
    await jestStep(
      'browser tests',
      path.join(results, 'e2e'),
      ['jest', '-c', 'apps/e2e/jest.config.js'],
      env,
    );
  }
  return failedSteps.length > 0 || totals.failed > 0 ? 1 : 0;
});
