// @ts-check
// `npm start`: the whole of Baton on one machine, on embedded defaults.
//   dependencies → PostgreSQL + Temporal dev server (data in .data/) → migrate + seed → web build
//   → worker + API → wait for /health/ready and for the worker polling → banner.
// PostgreSQL, Temporal, the worker and the API are supervised: one that exits is started again
// (same data, same port) with backoff while the rest stay up; one that keeps crashing stops the
// stack. Ctrl-C stops everything, newest first.
// Only builtins and this folder's builtins-only modules are imported statically: this runs on a
// fresh clone before node_modules exists; whatever uses packages is imported after ensureDependencies.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureDependencies } from './ensure-dependencies.mjs';
import { UserError, formatDuration, note, paint, step } from './log.mjs';
import { assertPortFree, portFromEnv } from './port-check.mjs';
import { postgresDataDir } from './data-dir.mjs';
import { ProcessGroup, runMain, spawnChild } from './process-group.mjs';
import { Supervisor } from './supervisor.mjs';
import { waitForPollers } from './task-queue-pollers.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
/** A path as short as it can be said: relative inside the repo, absolute outside. */
const rel = (/** @type {string} */ file) => {
  const relative = path.relative(root, file);
  return relative === '' ? '.' : relative.startsWith('..') ? file : relative;
};

const files = {
  migrate: 'apps/api/src/cli/migrate.ts',
  api: 'apps/api/src/main.ts',
  worker: 'apps/worker/src/main.ts',
};

/** Newest modification time of the files under `dir` (skipping dist and node_modules). */
function newestMtime(/** @type {string} */ dir) {
  let newest = 0;
  if (!fs.existsSync(dir)) return newest;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name === 'dist') continue;
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(full) : fs.statSync(full).mtimeMs);
  }
  return newest;
}

/** Why apps/web/dist must be (re)built, or null when it is newer than the web app and shared libs. */
function webBuildReason() {
  const built = path.join(root, 'apps/web/dist/index.html');
  if (!fs.existsSync(built)) return 'apps/web/dist is missing';
  const sources = [path.join(root, 'apps/web')];
  for (const lib of fs.readdirSync(path.join(root, 'libs'))) {
    try {
      const project = JSON.parse(
        fs.readFileSync(path.join(root, 'libs', lib, 'project.json'), 'utf8'),
      );
      if (
        (project.tags ?? []).some(
          (/** @type {string} */ t) => t === 'scope:shared' || t === 'scope:web',
        )
      ) {
        sources.push(path.join(root, 'libs', lib, 'src'));
      }
    } catch {
      /* not a project */
    }
  }
  const newest = Math.max(...sources.map(newestMtime));
  return newest > fs.statSync(built).mtimeMs ? 'apps/web/dist is older than its sources' : null;
}

/**
 * The other demo people, who sign in with the same password: "maya@baton.demo (manager)".
 * @param {{ demoLogin: { email: string }, demoPeople?: { email: string, role: string }[] }} demo
 * @returns {string[]}
 */
function demoOthers(demo) {
  const others = (demo.demoPeople ?? []).filter((p) => p.email !== demo.demoLogin.email);
  if (others.length === 0) return [];
  return [
    `also ${others.map((p) => `${p.email} (${p.role})`).join(', ')}`,
    'with the same password',
  ];
}

/**
 * Parses the migrate CLI's last stdout line.
 * @param {string[]} lines
 * @returns {{ demoLogin: { email: string, password: string }, demoSource: { slug: string, apiKey: string } }}
 */
function parseMigrateOutput(lines) {
  const last = [...lines].reverse().find((line) => line.trim() !== '');
  try {
    const parsed = JSON.parse(last ?? '');
    if (parsed?.demoLogin?.email && parsed?.demoSource?.apiKey) return parsed;
  } catch {
    /* reported below */
  }
  throw new UserError(
    `${files.migrate} did not print the expected JSON on its last stdout line ({"demoLogin":{…},"demoSource":{…}}); got: ${last ?? '(nothing)'}`,
  );
}

/**
 * @param {string} url
 * @param {number} timeoutMs
 * @param {AbortSignal} signal stop waiting
 */
async function waitForApi(url, timeoutMs, signal) {
  const deadline = Date.now() + timeoutMs;
  let lastProblem = 'no answer';
  while (Date.now() < deadline && !signal.aborted) {
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(2000) });
      if (response.ok) return;
      lastProblem = `HTTP ${response.status}`;
    } catch {
      lastProblem = 'no answer';
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  if (signal.aborted) return;
  throw new UserError(`The API was not ready within ${timeoutMs / 1000}s (${url}: ${lastProblem})`);
}

/**
 * Until Temporal lists the worker (this pid: the SDK's default identity is pid@host) as polling
 * both workflow and activity tasks: a lead sent before that waits for it.
 * @param {{ address: string, taskQueue: string, namespace: string, pid: () => number | undefined }} worker
 * @param {number} timeoutMs
 * @param {AbortSignal} signal stop waiting
 */
async function waitForWorker(worker, timeoutMs, signal) {
  const host = os.hostname();
  const polling = await waitForPollers({
    address: worker.address,
    namespace: worker.namespace,
    taskQueue: worker.taskQueue,
    isOurs: (identity) => identity === `${worker.pid()}@${host}`,
    timeoutMs,
    signal,
  });
  if (!polling && !signal.aborted)
    throw new UserError(
      `The worker was not polling task queue "${worker.taskQueue}" on ${worker.address} within ${timeoutMs / 1000}s; see its output above`,
    );
}

const group = new ProcessGroup();
/** @type {(error: Error) => void} */
let stackFailed = () => {};
/**
 * Rejects when a supervised part has given up: the stack then stops with exit 1. Deliberately
 * not caught: until main awaits it (readiness, then the end), the rejection reaches runMain's
 * unhandledRejection handler, which does the same.
 * @type {Promise<never>}
 */
const gaveUp = new Promise((_, reject) => (stackFailed = reject));
const supervisor = new Supervisor({
  stopping: () => group.stopping,
  onGiveUp: ({ message }) => stackFailed(new UserError(`${message}; stopping everything`)),
});

/**
 * The model the worker qualifies with. BATON_LOCAL_MODEL=smollm2 starts a local Ollama with that
 * small model (built and fetched once into ~/.cache/baton); otherwise OLLAMA_HOST/OLLAMA_MODEL
 * are passed on as set, and a model missing from that server gets the command that pulls it.
 * @param {string} logs
 * @returns {Promise<Record<string, string>>}
 */
async function localModelEnv(logs) {
  const wanted = process.env.BATON_LOCAL_MODEL;
  if (wanted) {
    const { resolveOllamaCli } = await import('./ollama-cli.mjs');
    const { ensureLocalModel, localModelName } = await import('./local-model.mjs');
    const { startOllama } = await import('./ollama-server.mjs');
    const local = ensureLocalModel(localModelName(wanted));
    const cli = await resolveOllamaCli();
    if (!cli) throw new UserError('No Ollama binary to run BATON_LOCAL_MODEL with');
    const server = await startOllama({
      cli,
      modelfile: local.modelfile,
      model: local.ollamaName,
      logFile: path.join(logs, 'ollama.log'),
    });
    group.add('ollama', () => server.stop());
    note(
      `Local model ${server.model} on ${server.host}: a CPU model answers in tens of seconds, so give the qualify node a timeoutMs of 60000 or more (or use decide_now)`,
    );
    return { OLLAMA_HOST: server.host, OLLAMA_MODEL: server.model };
  }
  const host = process.env.OLLAMA_HOST;
  if (!host) return {};
  const model = process.env.OLLAMA_MODEL || 'llama3.2:3b';
  try {
    const res = await fetch(new URL('/api/tags', host), { signal: AbortSignal.timeout(3000) });
    const { models } = /** @type {{ models?: { name?: string }[] }} */ (await res.json());
    const names = (models ?? []).map((m) => m.name);
    if (!names.includes(model) && !names.includes(`${model}:latest`))
      note(
        `OLLAMA_MODEL=${model} is not on ${host}; until it is, leads are scored by the heuristic. Pull it with: OLLAMA_HOST=${host} ollama pull ${model}`,
      );
  } catch (error) {
    note(
      `Ollama at OLLAMA_HOST=${host} does not answer (${error instanceof Error ? error.message : String(error)}); leads are scored by the heuristic until it does`,
    );
  }
  return {};
}

runMain(group, async () => {
  const started = Date.now();
  ensureDependencies(root);
  const { startPostgres } = await import('./postgres.mjs');
  const { startTemporal } = await import('./temporal-server.mjs');

  const port = portFromEnv('PORT', 3000);
  await assertPortFree(port, 'PORT');
  for (const [project, file] of Object.entries(files)) {
    if (!fs.existsSync(path.join(root, file))) {
      throw new UserError(
        `${file} does not exist yet: the ${project === 'worker' ? 'worker' : 'API'} project is not in place`,
      );
    }
  }

  const dataDir = path.resolve(root, process.env.BATON_DATA_DIR || '.data');
  const logs = path.join(dataDir, 'logs');
  fs.mkdirSync(logs, { recursive: true });
  const pgData = postgresDataDir({
    root,
    dataDir,
    explicit: Boolean(process.env.BATON_DATA_DIR) || Boolean(process.env.DATABASE_URL),
  });
  step(`Starting PostgreSQL and Temporal (data in ${rel(dataDir)}/, logs in ${rel(logs)}/)`);
  if (pgData.moved)
    note(
      `PostgreSQL data in ${pgData.dir}: it runs as user postgres (you are root), which cannot reach ${rel(dataDir)}/ (BATON_DATA_DIR chooses another data folder)`,
    );
  // Restarts reuse the first start's ports: the API and the worker keep their addresses.
  /** @type {import('./postgres.mjs').Postgres | undefined} */
  let db;
  /** @type {import('./temporal-server.mjs').TemporalServer | undefined} */
  let temporal;
  const [pgResult, temporalResult] = await Promise.allSettled([
    supervisor.start(
      'postgres',
      async () =>
        (db = await startPostgres({
          dataDir: pgData.dir,
          database: 'baton',
          logFile: path.join(logs, 'postgres.log'),
          port: db?.port ?? undefined,
        })),
    ),
    supervisor.start(
      'temporal',
      async () =>
        (temporal = await startTemporal({
          dataDir: path.join(dataDir, 'temporal'),
          logFile: path.join(logs, 'temporal.log'),
          ui: true,
          port: temporal?.port ?? undefined,
          uiPort: temporal?.uiPort ?? undefined,
        })),
    ),
  ]);
  if (pgResult.status === 'fulfilled') group.add('postgres', () => pgResult.value.stop());
  if (temporalResult.status === 'fulfilled')
    group.add('temporal', () => temporalResult.value.stop());
  if (pgResult.status === 'rejected') throw pgResult.reason;
  if (temporalResult.status === 'rejected') throw temporalResult.reason;
  if (!db || !temporal) throw new Error('unreachable: both started');
  const modelEnv = await localModelEnv(logs);

  const env = {
    ...process.env,
    ...modelEnv,
    PORT: String(port),
    DATABASE_URL: db.url,
    TEMPORAL_ADDRESS: temporal.address,
    WEB_DIST: path.join(root, 'apps/web/dist'),
    SWC_NODE_PROJECT: 'tsconfig.base.json',
    NODE_ENV: 'development',
    // The demo team, source and login are seeded once; their secrets live in the data folder.
    BATON_SEED_DEMO: 'true',
    // The SDK's INFO lines (workflow bundling, state changes) drown the useful ones here.
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'WARN',
    BATON_DATA_DIR: dataDir,
  };
  const node = process.execPath;

  step('Migrating the database and seeding the demo data');
  /** @type {string[]} */
  const migrateStdout = [];
  const migrateCode = await group.run(
    'migrate',
    node,
    ['-r', '@swc-node/register', files.migrate],
    {
      cwd: root,
      env,
      onLine: (line, stream) => void (stream === 'stdout' && migrateStdout.push(line)),
      filter: (line) => !line.startsWith('{"demoLogin"'),
    },
  );
  if (group.stopping) return 130;
  if (migrateCode !== 0)
    throw new UserError(`${files.migrate} failed (exit ${migrateCode}); see its output above`);
  const demo = parseMigrateOutput(migrateStdout);

  const buildReason = webBuildReason();
  if (buildReason) {
    step(`Building the web app (${buildReason})`);
    const nxEnv = { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true', NX_TUI: 'false' };
    const code = await group.run('web', 'npx', ['nx', 'run', 'web:build', '--outputStyle=stream'], {
      cwd: root,
      env: nxEnv,
    });
    if (group.stopping) return 130;
    if (code !== 0)
      throw new UserError(`The web build failed (exit ${code}); see its output above`);
  }

  step('Starting the worker and the API');
  /** @param {'worker' | 'api'} name */
  const launch = (name) => async () =>
    spawnChild(name, node, ['-r', '@swc-node/register', files[name]], { cwd: root, env });
  const worker = await supervisor.start('worker', launch('worker'));
  group.add('worker', () => worker.stop());
  const api = await supervisor.start('api', launch('api'));
  group.add('api', () => api.stop());
  // Ready means every part is: the API answers /health/ready and the worker takes tasks.
  const waiting = new AbortController();
  try {
    await Promise.race([
      Promise.all([
        waitForApi(`http://127.0.0.1:${port}/health/ready`, 180_000, waiting.signal),
        waitForWorker(
          {
            address: temporal.address,
            namespace: process.env.TEMPORAL_NAMESPACE ?? 'default',
            // HANDOFF_TASK_QUEUE_DEFAULT in workflows/src/contract: the worker's default
            taskQueue: process.env.TEMPORAL_TASK_QUEUE ?? 'baton-handoff',
            pid: () => worker.pid,
          },
          180_000,
          waiting.signal,
        ),
      ]),
      gaveUp,
    ]);
  } finally {
    waiting.abort();
  }
  if (group.stopping) return 130;

  const url = `http://localhost:${port}`;
  const lead = JSON.stringify({
    contact: {
      name: 'Ada Lovelace',
      email: 'ada@example.com',
      phone: '+44 20 7946 0000',
      company: 'Analytical Engines',
    },
    message: 'We need 40 seats before Q3, can someone call me today?',
    source: { utm: { source: 'google', campaign: 'spring' } },
  });
  const curl =
    `curl -sS -X POST ${url}/api/v1/leads -H 'Content-Type: application/json' ` +
    `-H 'Authorization: Bearer ${demo.demoSource.apiKey}' -d '${lead}'`;
  const label = (/** @type {string} */ text) => paint('bold', text.padEnd(13));
  console.log(
    [
      '',
      paint('green', `Baton is ready (${formatDuration(Date.now() - started)})`),
      `  ${label('App')}${url}`,
      `  ${label('Demo login')}${demo.demoLogin.email} / ${demo.demoLogin.password}`,
      ...demoOthers(demo).map((line) => `  ${label('')}${line}`),
      `  ${label('Temporal UI')}${temporal.uiUrl ?? `(external Temporal at ${temporal.address})`}`,
      `  ${label('Send a lead')}${curl}`,
      '',
      paint(
        'gray',
        pgData.moved
          ? `Data in ${rel(dataDir)}/ and ${pgData.dir}/ (delete both to start over). Ctrl-C stops everything.`
          : `Data in ${rel(dataDir)}/ (delete it to start over). Ctrl-C stops everything.`,
      ),
      paint(
        'gray',
        'A part that exits is started again (the rest stay up); one that keeps crashing stops the stack.',
      ),
      '',
    ].join('\n'),
  );
  note(`PostgreSQL: ${db.external ? 'DATABASE_URL' : db.url}`);

  await gaveUp; // runs until Ctrl-C / SIGTERM (runMain stops everything) or a part gives up
  return 0;
});
