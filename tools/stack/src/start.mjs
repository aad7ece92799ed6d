// @ts-check
// `npm start`: the whole of Baton on one machine, on embedded defaults.
//   dependencies → PostgreSQL + Temporal dev server (data in .data/) → migrate + seed → web build
//   → worker + API → wait for /health/ready → banner. Ctrl-C stops everything.
// Only builtins and this folder's builtins-only modules are imported statically: this runs on a
// fresh clone before node_modules exists; whatever uses packages is imported after ensureDependencies.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureDependencies } from './ensure-dependencies.mjs';
import { UserError, formatDuration, note, paint, step } from './log.mjs';
import { assertPortFree, portFromEnv } from './port-check.mjs';
import { ProcessGroup, runMain } from './process-group.mjs';

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
 * @param {Promise<never>} crashed rejects when a child exits
 */
async function waitForReady(url, timeoutMs, crashed) {
  const deadline = Date.now() + timeoutMs;
  let lastProblem = 'no answer';
  const poll = async () => {
    while (Date.now() < deadline) {
      try {
        const response = await fetch(url, { signal: AbortSignal.timeout(2000) });
        if (response.ok) return;
        lastProblem = `HTTP ${response.status}`;
      } catch {
        lastProblem = 'no answer';
      }
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
    throw new UserError(
      `The API was not ready within ${timeoutMs / 1000}s (${url}: ${lastProblem})`,
    );
  };
  await Promise.race([poll(), crashed]);
}

const group = new ProcessGroup();

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

  const dataDir = path.resolve(root, process.env.BATON_DATA_DIR ?? '.data');
  const logs = path.join(dataDir, 'logs');
  fs.mkdirSync(logs, { recursive: true });
  step(`Starting PostgreSQL and Temporal (data in ${rel(dataDir)}/, logs in ${rel(logs)}/)`);
  const [pgResult, temporalResult] = await Promise.allSettled([
    startPostgres({
      dataDir: path.join(dataDir, 'postgres'),
      database: 'baton',
      logFile: path.join(logs, 'postgres.log'),
    }),
    startTemporal({
      dataDir: path.join(dataDir, 'temporal'),
      logFile: path.join(logs, 'temporal.log'),
      ui: true,
    }),
  ]);
  if (pgResult.status === 'fulfilled') group.add('postgres', pgResult.value.stop);
  if (temporalResult.status === 'fulfilled') group.add('temporal', temporalResult.value.stop);
  if (pgResult.status === 'rejected') throw pgResult.reason;
  if (temporalResult.status === 'rejected') throw temporalResult.reason;
  const db = pgResult.value;
  const temporal = temporalResult.value;

  const env = {
    ...process.env,
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
  /** @type {Promise<never>} */
  const crashed = new Promise((_, reject) => {
    group.onUnexpectedExit = (child, info) =>
      reject(
        new UserError(
          `[${child.name}] exited (${info.signal ?? `code ${info.code}`}); stopping everything`,
        ),
      );
  });
  crashed.catch(() => {}); // handled where it is awaited
  group.spawn('worker', node, ['-r', '@swc-node/register', files.worker], { cwd: root, env });
  group.spawn('api', node, ['-r', '@swc-node/register', files.api], { cwd: root, env });
  await waitForReady(`http://127.0.0.1:${port}/health/ready`, 180_000, crashed);

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
      `  ${label('Temporal UI')}${temporal.uiUrl ?? `(external Temporal at ${temporal.address})`}`,
      `  ${label('Send a lead')}${curl}`,
      '',
      paint('gray', `Data in ${rel(dataDir)}/ (delete it to start over). Ctrl-C stops everything.`),
      '',
    ].join('\n'),
  );
  note(`PostgreSQL: ${db.external ? 'DATABASE_URL' : db.url}`);

  await crashed; // runs until Ctrl-C / SIGTERM (runMain stops everything) or a child dies
  return 0;
});
