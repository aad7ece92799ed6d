// @ts-check
// `npm run bench:intake`: how fast POST /api/v1/leads is, next to a bare node:http baseline doing
// the same essential work, on this machine, in one run (about 3 minutes):
//   dependencies → throwaway PostgreSQL + headless Temporal dev server (temp dir, free ports,
//   127.0.0.1 only) → migrate + seed → baseline server: warm-up, 300 req/s, max → stop it →
//   API (with Temporal, so the dispatcher starts workflows as in production; NO worker, so
//   workflows never run: this measures intake only): warm-up, 300 req/s, max → stop all → table,
//   PASS/MISS against the aims, JSON in tmp/bench/. Every lead answered 202 is checked in the database.
// A MISS is reported, not an exit failure (shared, noisy machines); failed requests, lost leads
// or any error exit non-zero.
// Only builtins and this folder's builtins-only modules are imported statically (see start.mjs).
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { cpuMeter, findGroupByCommandLine } from './bench/cpu.mjs';
import { AIMS, failures, formatCpu, formatTable, verdicts } from './bench/report.mjs';
import { ensureDependencies } from './ensure-dependencies.mjs';
import { freePort } from './free-port.mjs';
import { UserError, fail, formatDuration, note, paint, step, warn } from './log.mjs';
import { ProcessGroup, runMain } from './process-group.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

const SETTINGS = {
  warmupSeconds: 3,
  rate: AIMS.rate,
  rateSeconds: 20,
  maxSeconds: 15,
  connections: 20,
  /** Both servers' PostgreSQL pool (the API's default DATABASE_POOL_SIZE). */
  poolSize: 20,
  /** How long to wait, after an API phase, for the dispatcher to start every pending workflow. */
  drainTimeoutMs: 60_000,
};

const files = {
  migrate: 'apps/api/src/cli/migrate.ts',
  api: 'apps/api/src/main.ts',
  baseline: 'tools/stack/src/bench/baseline-server.mjs',
};

/** @typedef {import('./bench/report.mjs').Phase} Phase */
/** @typedef {import('./bench/report.mjs').ServerRun} ServerRun */
/** @typedef {import('./bench/report.mjs').LeadCheck} LeadCheck */
/** @typedef {import('./bench/load.mjs').LoadResult} LoadResult */
/** @typedef {import('./process-group.mjs').Child} Child */
/** @typedef {{ query: (text: string, values?: unknown[]) => Promise<{ rows: any[] }>, end: () => Promise<void> }} Db */

const group = new ProcessGroup();
const started = Date.now();
/** @type {string | null} */
let tempDir = null;

// Whatever way this ends: the temp dir goes (its logs stay after a failure, for a look).
process.on('exit', (code) => {
  if (!tempDir || !fs.existsSync(tempDir)) return;
  const logs = path.join(tempDir, 'logs');
  const keepLogs = code !== 0 && fs.existsSync(logs);
  for (const entry of fs.readdirSync(tempDir)) {
    if (!(keepLogs && entry === 'logs'))
      fs.rmSync(path.join(tempDir, entry), { recursive: true, force: true });
  }
  if (keepLogs) console.log(paint('gray', `service logs kept in ${logs}`));
  else fs.rmSync(tempDir, { recursive: true, force: true });
});

const sleep = (/** @type {number} */ ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** @param {string} file */
function lineCount(file) {
  try {
    return fs.readFileSync(file, 'utf8').split('\n').length - 1;
  } catch {
    return 0;
  }
}

/**
 * Polls `url` until it answers 2xx.
 * @param {string} url
 * @param {number} timeoutMs
 * @param {Promise<never>} crashed
 * @param {string} what
 */
async function waitForHttp(url, timeoutMs, crashed, what) {
  const deadline = Date.now() + timeoutMs;
  let lastProblem = 'no answer';
  const poll = async () => {
    while (Date.now() < deadline && !group.stopping) {
      try {
        const response = await fetch(url, { signal: AbortSignal.timeout(2000) });
        if (response.ok) return;
        lastProblem = `HTTP ${response.status}`;
      } catch {
        lastProblem = 'no answer';
      }
      await sleep(300);
    }
    throw new UserError(
      `${what} was not ready within ${timeoutMs / 1000}s (${url}: ${lastProblem})`,
    );
  };
  await Promise.race([poll(), crashed]);
}

/**
 * Every lead answered 202 is in the database, and nothing else was stored but the requests still
 * in flight when the run stopped (at most one per connection).
 * @param {Db} db
 * @param {LoadResult} load
 * @returns {Promise<LeadCheck>}
 */
async function checkLeads(db, load) {
  const unique = [...new Set(load.ids)];
  const [{ found }] = (
    await db.query('SELECT count(*)::int AS found FROM leads WHERE id = ANY($1::uuid[])', [unique])
  ).rows;
  const [{ stored }] = (
    await db.query(`SELECT count(*)::int AS stored FROM leads WHERE context->>'form' = $1`, [
      load.tag,
    ])
  ).rows;
  const extra = stored - load.ok2xx;
  /** @type {string | null} */
  let problem = null;
  if (load.ids.length !== load.ok2xx || unique.length !== load.ids.length)
    problem = `${load.ok2xx} answers 202 but ${unique.length} distinct lead ids in their bodies`;
  else if (found !== unique.length)
    problem = `${unique.length - found} leads answered 202 are not in the database`;
  else if (extra < 0 || extra > load.connections)
    problem = `${stored} leads stored for ${load.ok2xx} answers 202 (expected up to ${load.connections} more, in flight at the end)`;
  return {
    stored,
    extra,
    idsAnswered: unique.length,
    idsFound: found,
    ok: problem === null,
    problem,
  };
}

/**
 * Waits until the dispatcher has started every pending workflow (no workflow_starts row left).
 * @param {Db} db
 * @param {number} timeoutMs
 */
async function drainDispatcher(db, timeoutMs) {
  const from = Date.now();
  for (;;) {
    const [{ pending }] = (await db.query('SELECT count(*)::int AS pending FROM workflow_starts'))
      .rows;
    if (pending === 0) return { drainedMs: Date.now() - from, pendingAfter: 0 };
    if (Date.now() - from > timeoutMs || group.stopping)
      return { drainedMs: null, pendingAfter: pending };
    await sleep(250);
  }
}

/**
 * Warm-up, fixed rate and max-throughput runs against one server.
 * @param {object} o
 * @param {'baseline' | 'api'} o.name
 * @param {string} o.baseUrl
 * @param {string} o.apiKey
 * @param {Db} o.db
 * @param {Record<string, number | null>} o.groups process groups to meter
 * @param {string} o.logFile the server's output
 * @param {Promise<never>} o.crashed
 * @returns {Promise<ServerRun | null>} null when stopping
 */
async function measureServer(o) {
  const { runLoad } = await import('./bench/load.mjs');
  const label = o.name === 'api' ? 'API' : 'baseline';
  const phases = /** @type {const} */ ([
    ['warmup', { durationSeconds: SETTINGS.warmupSeconds }, `warm-up, ${SETTINGS.warmupSeconds} s`],
    [
      'rate',
      { durationSeconds: SETTINGS.rateSeconds, overallRate: SETTINGS.rate },
      `${SETTINGS.rate} req/s for ${SETTINGS.rateSeconds} s`,
    ],
    [
      'max',
      { durationSeconds: SETTINGS.maxSeconds },
      `max throughput for ${SETTINGS.maxSeconds} s`,
    ],
  ]);
  /** @type {Partial<ServerRun>} */
  const run = {};
  for (const [phase, load, description] of phases) {
    if (group.stopping) return null;
    note(`${label}: ${description}, ${SETTINGS.connections} connections`);
    const meter = cpuMeter(o.groups);
    const logLinesBefore = lineCount(o.logFile);
    /** @type {() => void} */
    let stopLoad = () => {};
    const entry = { name: 'load generator', stop: async () => stopLoad() };
    group.resources.push(entry);
    let result;
    try {
      result = await Promise.race([
        runLoad({
          baseUrl: o.baseUrl,
          apiKey: o.apiKey,
          tag: `bench-${o.name}-${phase}`,
          connections: SETTINGS.connections,
          label: `${label} ${phase}`,
          onStart: (stop) => (stopLoad = stop),
          ...load,
        }),
        o.crashed,
      ]);
    } finally {
      group.resources = group.resources.filter((r) => r !== entry);
    }
    const cpu = meter.stop();
    const apiLogLines = lineCount(o.logFile) - logLinesBefore;
    // Let the requests in flight at the end finish; the API's dispatcher then starts what it
    // has not started yet, so that the next phase does not pay for this one.
    await sleep(1000);
    const dispatcher =
      o.name === 'api' ? await drainDispatcher(o.db, SETTINGS.drainTimeoutMs) : undefined;
    const leads = await checkLeads(o.db, result);
    /** @type {Phase} */
    const done = { load: result, leads, cpu, apiLogLines };
    if (dispatcher) done.dispatcher = dispatcher;
    run[phase] = done;

    const l = result.latencyMs;
    const bad = result.non2xx + result.errors;
    const parts = [
      `${result.requestsPerSecond} req/s`,
      l ? `p50 ${l.p50} ms, p99 ${l.p99} ms, p99.9 ${l.p99_9} ms` : 'no 2xx answers',
      `${result.ok2xx} × 2xx`,
      bad ? paint('red', `${result.non2xx} non-2xx, ${result.errors} errors`) : '0 failed',
      leads.ok
        ? `${leads.stored} leads stored (${leads.extra} in flight at the end)`
        : paint('red', /** @type {string} */ (leads.problem)),
    ];
    if (dispatcher)
      parts.push(
        dispatcher.drainedMs === null
          ? paint('yellow', `dispatcher: ${dispatcher.pendingAfter} workflows still not started`)
          : `dispatcher caught up ${(dispatcher.drainedMs / 1000).toFixed(1)} s after`,
      );
    note(`  → ${parts.join(', ')}`);
  }
  return /** @type {ServerRun} */ (run);
}

/**
 * Parses the migrate CLI's last stdout line (see start.mjs).
 * @param {string[]} lines
 * @returns {string} the demo source's API key
 */
function demoApiKey(lines) {
  const last = [...lines].reverse().find((line) => line.trim() !== '');
  try {
    const key = JSON.parse(last ?? '')?.demoSource?.apiKey;
    if (typeof key === 'string' && key) return key;
  } catch {
    /* reported below */
  }
  throw new UserError(
    `${files.migrate} did not print {"demoSource":{"apiKey":…}} on its last stdout line; got: ${last ?? '(nothing)'}`,
  );
}

/** The checked-out commit, for the JSON record. */
function gitCommit() {
  try {
    return execFileSync('git', ['rev-parse', '--short', 'HEAD'], {
      cwd: root,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    }).trim();
  } catch {
    return null;
  }
}

/** A ServerRun without the lead ids (kept out of the JSON file). */
function withoutIds(/** @type {ServerRun} */ run) {
  return Object.fromEntries(
    Object.entries(run).map(([phase, p]) => {
      const { ids: _ids, ...load } = p.load;
      return [phase, { ...p, load }];
    }),
  );
}

runMain(group, async () => {
  ensureDependencies(root);
  const { startPostgres } = await import('./postgres.mjs');
  const { startTemporal } = await import('./temporal-server.mjs');
  /** @type {any} */
  const pgModule = await import('pg');
  const pg = pgModule.default ?? pgModule;
  for (const file of Object.values(files)) {
    if (!fs.existsSync(path.join(root, file))) throw new UserError(`${file} does not exist`);
  }
  const loadBefore = os.loadavg();
  const cores = os.availableParallelism?.() ?? os.cpus().length;
  step(
    `Intake benchmark on ${cores} cores (load average ${loadBefore.map((n) => n.toFixed(2)).join(' ')})`,
  );
  if (loadBefore[0] > cores) {
    warn(
      `the machine is already busy (load ${loadBefore[0].toFixed(1)} on ${cores} cores): expect noisy figures`,
    );
  }

  tempDir = fs.mkdtempSync(path.join(os.tmpdir(), 'baton-bench-'));
  fs.chmodSync(tempDir, 0o755); // PostgreSQL runs as `postgres` when we are root
  const logs = path.join(tempDir, 'logs');
  fs.mkdirSync(logs, { recursive: true });

  step(`Starting a throwaway PostgreSQL and a headless Temporal dev server in ${tempDir}`);
  const [pgResult, temporalResult] = await Promise.allSettled([
    startPostgres({
      dataDir: path.join(tempDir, 'postgres'),
      database: 'baton',
      logFile: path.join(logs, 'postgres.log'),
      throwaway: true,
      externalUrl: null,
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
  const database = pgResult.value;
  const temporal = temporalResult.value;
  if (group.stopping) return 130;

  /** Process groups of the services, for the CPU figures. */
  const serviceGroups = {
    postgres: (() => {
      try {
        const pid = Number(
          fs.readFileSync(path.join(tempDir, 'postgres', 'postmaster.pid'), 'utf8').split('\n')[0],
        );
        return Number.isInteger(pid) && pid > 0 ? pid : null;
      } catch {
        return null;
      }
    })(),
    temporal: findGroupByCommandLine(path.join(tempDir, 'temporal')),
  };

  const node = process.execPath;
  /** @type {NodeJS.ProcessEnv} */
  const baseEnv = { ...process.env };
  for (const name of ['WEB_DIST', 'SMTP_URL', 'NODE_OPTIONS']) delete baseEnv[name];

  step('Migrating the database and seeding the demo source');
  /** @type {string[]} */
  const migrateStdout = [];
  /** @type {string[]} */
  const migrateOutput = [];
  const migrateCode = await group.run(
    'migrate',
    node,
    ['-r', '@swc-node/register', files.migrate],
    {
      cwd: root,
      env: {
        ...baseEnv,
        SWC_NODE_PROJECT: 'tsconfig.base.json',
        DATABASE_URL: database.url,
        BATON_SEED_DEMO: 'true',
        BATON_DATA_DIR: tempDir,
      },
      onLine: (line, stream) => {
        if (stream === 'stdout') migrateStdout.push(line);
        migrateOutput.push(line);
      },
      filter: () => false,
    },
  );
  if (group.stopping) return 130;
  if (migrateCode !== 0) {
    for (const line of migrateOutput.slice(-15)) console.error(`  ${line}`);
    throw new UserError(`${files.migrate} failed (exit ${migrateCode})`);
  }
  const apiKey = demoApiKey(migrateStdout);

  /** @type {Db & { connect: () => Promise<void> }} for the lead counts */
  const checker = new pg.Client({
    connectionString: database.url,
    application_name: 'baton-bench',
  });
  await checker.connect();
  group.add('database checks', () => checker.end().catch(() => {}));

  /** Children stopped on purpose (their exit is no crash). */
  const stoppedOnPurpose = new Set();
  /** @type {Promise<never>} */
  const crashed = new Promise((_, reject) => {
    group.onUnexpectedExit = (child, info) => {
      if (stoppedOnPurpose.has(child)) return;
      reject(
        new UserError(
          `[${child.name}] exited (${info.signal ? `${info.signal}, not sent by this benchmark` : `code ${info.code}`}); see ${path.join(logs, `${child.name}.log`)}`,
        ),
      );
    };
  });
  crashed.catch(() => {}); // handled where it is awaited
  // The API's shutdown waits for its dispatcher to finish what it is doing, which after the
  // max-throughput run can be a long backlog of workflow starts: it gets longer.
  const stopChild = async (/** @type {Child} */ child, timeoutMs = 10_000) => {
    stoppedOnPurpose.add(child);
    await child.stop(timeoutMs);
  };

  // ── Baseline ────────────────────────────────────────────────────────────────────────────────
  const baselinePort = await freePort();
  step(`Baseline: bare node:http + pg on 127.0.0.1:${baselinePort} (${files.baseline})`);
  const baselineLog = path.join(logs, 'baseline.log');
  const baselineChild = group.spawn('baseline', node, [files.baseline], {
    cwd: root,
    env: {
      ...baseEnv,
      DATABASE_URL: database.url,
      PORT: String(baselinePort),
      HOST: '127.0.0.1',
      DATABASE_POOL_SIZE: String(SETTINGS.poolSize),
      NODE_ENV: 'production',
    },
    output: { file: baselineLog },
  });
  const baselineUrl = `http://127.0.0.1:${baselinePort}`;
  await waitForHttp(`${baselineUrl}/health`, 30_000, crashed, 'The baseline server');
  const baseline = await measureServer({
    name: 'baseline',
    baseUrl: baselineUrl,
    apiKey,
    db: checker,
    groups: { baseline: baselineChild.pid, ...serviceGroups },
    logFile: baselineLog,
    crashed,
  });
  if (!baseline || group.stopping) return 130;
  await stopChild(baselineChild);
  // Nothing consumed the baseline's "start pending" markers; the API's dispatcher must not
  // spend the API's measurement starting workflows for them.
  await checker.query('DELETE FROM workflow_starts');

  // ── API ─────────────────────────────────────────────────────────────────────────────────────
  const apiPort = await freePort();
  step(
    `API: ${files.api} on 127.0.0.1:${apiPort} (NODE_ENV=production; Temporal at ${temporal.address}, no worker)`,
  );
  const apiLog = path.join(logs, 'api.log');
  const apiChild = group.spawn('api', node, ['-r', '@swc-node/register', files.api], {
    cwd: root,
    env: {
      ...baseEnv,
      SWC_NODE_PROJECT: 'tsconfig.base.json',
      PORT: String(apiPort),
      HOST: '127.0.0.1',
      DATABASE_URL: database.url,
      DATABASE_POOL_SIZE: String(SETTINGS.poolSize),
      TEMPORAL_ADDRESS: temporal.address,
      NODE_ENV: 'production',
      COOKIE_SECURE: 'false',
      TRUST_PROXY: 'loopback',
      // The per-source limiter (600/min by default) would answer 429 to a benchmark.
      INTAKE_RATE_LIMIT_PER_MINUTE: '10000000',
    },
    output: { file: apiLog },
  });
  const apiUrl = `http://127.0.0.1:${apiPort}`;
  const apiStarting = Date.now();
  await waitForHttp(`${apiUrl}/health/ready`, 180_000, crashed, 'The API');
  note(`API ready in ${formatDuration(Date.now() - apiStarting)}`);
  const api = await measureServer({
    name: 'api',
    baseUrl: apiUrl,
    apiKey,
    db: checker,
    groups: { api: apiChild.pid, ...serviceGroups },
    logFile: apiLog,
    crashed,
  });
  if (!api || group.stopping) return 130;
  const [workflows] = (
    await checker.query(
      `SELECT count(*)::int AS leads, count(workflow_started_at)::int AS started
       FROM leads WHERE context->>'form' LIKE 'bench-api-%'`,
    )
  ).rows;
  await stopChild(apiChild, 30_000);

  // ── Report ──────────────────────────────────────────────────────────────────────────────────
  const v = verdicts(baseline, api);
  const problems = failures({ baseline, api });
  const loadAfter = os.loadavg();
  const elapsedMs = Date.now() - started;
  console.log('');
  console.log(formatTable(baseline, api, v));
  console.log('');
  console.log(paint('bold', 'CPU seconds during the max-throughput runs'));
  console.log(formatCpu(baseline, api, cores));
  console.log('');
  const notes = [
    `The API ran with a Temporal dev server and its dispatcher (${workflows.started} of ${workflows.leads} API leads had their workflow started) but NO worker: workflows were started, never run. This measures intake only.`,
    'Baseline: node:http + pg, API key checked against a cached sha256 (the API looks the key up in PostgreSQL per request), no zod/Nest/middleware, no pg_notify, no dispatcher.',
    `Fixed rate: autocannon overallRate ${SETTINGS.rate} over ${SETTINGS.connections} connections sends each connection's share back to back at the start of every second, so its latencies are those of bursts of ${SETTINGS.connections} concurrent requests.`,
    'PostgreSQL is a throwaway cluster with fsync and synchronous_commit off: commit flushes are not in these figures.',
    `Load average ${loadBefore[0].toFixed(2)} before, ${loadAfter[0].toFixed(2)} after, on ${cores} cores; the load generator shares them.`,
  ];
  const pendingAfterMax = api.max.dispatcher?.pendingAfter ?? 0;
  if (pendingAfterMax > 0)
    notes.push(
      `The dispatcher had not started ${pendingAfterMax} workflows ${SETTINGS.drainTimeoutMs / 1000} s after the API's max-throughput run (intake outran it).`,
    );
  const others = Math.max(baseline.max.cpu.others ?? 0, api.max.cpu.others ?? 0);
  if (others > 0.2 * cores * SETTINGS.maxSeconds)
    notes.push(
      `Processes outside this benchmark used up to ${others.toFixed(1)} CPU-s during a max run: the figures are noisy.`,
    );
  for (const line of notes) console.log(paint('gray', `• ${line}`));

  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const outDir = path.join(root, 'tmp', 'bench');
  fs.mkdirSync(outDir, { recursive: true });
  const outFile = path.join(outDir, `intake-${stamp}.json`);
  fs.writeFileSync(
    outFile,
    `${JSON.stringify(
      {
        benchmark: 'intake',
        startedAt: new Date(started).toISOString(),
        elapsedSeconds: Math.round(elapsedMs / 1000),
        commit: gitCommit(),
        machine: {
          cores,
          cpuModel: os.cpus()[0]?.model ?? null,
          node: process.versions.node,
          loadAverageBefore: loadBefore,
          loadAverageAfter: loadAfter,
        },
        settings: {
          ...SETTINGS,
          aims: AIMS,
          postgres: 'embedded, fsync=off, synchronous_commit=off',
        },
        verdicts: v,
        failures: problems,
        workflows,
        servers: { baseline: withoutIds(baseline), api: withoutIds(api) },
        notes,
      },
      null,
      2,
    )}\n`,
  );
  console.log('');
  console.log(paint('gray', `figures saved in ${path.relative(root, outFile)}`));
  console.log(`elapsed ${formatDuration(elapsedMs)}`);
  if (problems.length > 0) {
    for (const problem of problems) fail(problem);
    return 1;
  }
  const misses = [v.p99Aim, v.throughputAim].filter((aim) => !aim.pass);
  console.log(
    misses.length === 0
      ? paint('green', 'all requests answered 2xx, every lead stored; both aims met')
      : paint(
          'yellow',
          `all requests answered 2xx, every lead stored; MISS: ${misses.map((m) => m.aim).join('; ')} (reported, not a failure)`,
        ),
  );
  return 0;
});
