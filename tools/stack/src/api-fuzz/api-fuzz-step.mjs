// @ts-check
// npm test's "API fuzz" step: schemathesis over every operation of the running API's OpenAPI
// document, signed in as an admin (and with a source's API key for intake), checking that no
// answer is a 5xx and every answer is documented: its status code, content type and shape.
//   fresh database → migrate + demo seed (admin, team, flow, source) → worker + API on free
//   ports → sign in → schemathesis (schemathesis.toml), then POST /auth/logout on its own
//   (schemathesis-logout.toml) → one result per operation, details in <logs>/api-fuzz/.
// Run alone against running servers: BATON_TEST_DATABASE_URL=… TEMPORAL_ADDRESS=… node tools/stack/src/api-fuzz/api-fuzz-step.mjs
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort } from '../free-port.mjs';
import { UserError, fail, formatDuration, note, paint, step } from '../log.mjs';
import { ProcessGroup, runMain } from '../process-group.mjs';
import { readJunitFiles } from './junit-results.mjs';
import { ensureSchemathesis } from './schemathesis-install.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const FORM_ORIGIN = 'http://localhost:3000'; // the demo source's allowed origin (demo-seed.ts)

/**
 * @typedef {object} ApiFuzzOptions
 * @property {ProcessGroup} group
 * @property {string} root the repository
 * @property {string} databaseServerUrl a PostgreSQL URL whose user may create databases
 * @property {string} temporalAddress
 * @property {string} logsDir the run's logs folder (this step writes <logsDir>/api-fuzz/)
 * @property {string} workDir scratch space (demo credentials)
 */
/** @typedef {import('./junit-results.mjs').OperationResult} OperationResult */

/** @param {number} n */
const token = (n) => randomBytes(n).toString('hex');

/**
 * Runs the step; its result per operation (empty when the stack stopped first).
 * @param {ApiFuzzOptions} options
 * @returns {Promise<OperationResult[]>}
 */
export async function runApiFuzz({
  group,
  root,
  databaseServerUrl,
  temporalAddress,
  logsDir,
  workDir,
}) {
  const started = Date.now();
  const schemathesis = ensureSchemathesis();
  const outDir = path.join(logsDir, 'api-fuzz');
  fs.mkdirSync(outDir, { recursive: true });
  const { default: pg } = await import('pg');

  const database = `baton_fuzz_${token(4)}`;
  const admin = new pg.Client({ connectionString: databaseServerUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${database}`);
  await admin.end();
  const databaseUrl = new URL(databaseServerUrl);
  databaseUrl.pathname = `/${database}`;
  group.add('api-fuzz database', async () => {
    const client = new pg.Client({ connectionString: databaseServerUrl });
    await client.connect();
    await client.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
    await client.end();
  });

  const [port, smtpPort] = [await freePort(), await freePort()];
  const env = {
    ...process.env,
    DATABASE_URL: databaseUrl.toString(),
    TEMPORAL_ADDRESS: temporalAddress,
    TEMPORAL_TASK_QUEUE: `baton-fuzz-${token(4)}`,
    PORT: String(port),
    HOST: '127.0.0.1',
    // development: the local mail capture (GET /api/v1/dev/mail) is on, as under npm start.
    NODE_ENV: 'development',
    COOKIE_SECURE: 'false',
    SMTP_CAPTURE_PORT: String(smtpPort),
    METRICS_TOKEN: token(16),
    BATON_SEED_DEMO: 'true',
    BATON_DATA_DIR: path.join(workDir, 'api-fuzz-data'),
    SWC_NODE_PROJECT: 'tsconfig.base.json',
    LOG_LEVEL: 'WARN',
  };
  const node = process.execPath;
  const register = ['-r', '@swc-node/register'];

  /** @type {string[]} */
  const migrateOut = [];
  const migrateCode = await group.run(
    'api-fuzz migrate',
    node,
    [...register, 'apps/api/src/cli/migrate.ts'],
    {
      cwd: root,
      env,
      onLine: (line, stream) => void (stream === 'stdout' && migrateOut.push(line)),
      filter: () => false,
    },
  );
  if (group.stopping) return [];
  const seeded = JSON.parse(migrateOut.filter((l) => l.trim()).at(-1) ?? '{}');
  if (migrateCode !== 0 || !seeded.demoLogin || !seeded.demoSource)
    throw new UserError(`api-fuzz: migrating the fuzz database failed (exit ${migrateCode})`);

  /** @type {Promise<never>} */
  const crashed = new Promise((_, reject) => {
    group.onUnexpectedExit = (child, info) =>
      reject(
        new UserError(
          `api-fuzz: ${child.name} exited (${info.signal ?? `code ${info.code}`}); see ${outDir}/${child.name}.log`,
        ),
      );
  });
  crashed.catch(() => {});
  const worker = group.spawn('worker', node, [...register, 'apps/worker/src/main.ts'], {
    cwd: root,
    env,
    output: { file: path.join(outDir, 'worker.log') },
  });
  const api = group.spawn('api', node, [...register, 'apps/api/src/main.ts'], {
    cwd: root,
    env,
    output: { file: path.join(outDir, 'api.log') },
  });
  const base = `http://127.0.0.1:${port}`;
  try {
    await Promise.race([waitForReady(`${base}/health/ready`, 180_000), crashed]);
    // Two sessions: the second is for POST /auth/logout, fuzzed last and on its own.
    const [main, spare] = [
      await signIn(base, seeded.demoLogin),
      await signIn(base, seeded.demoLogin),
    ];
    // What fuzzing may change or lock out (deactivate, rotate, demote) without taking the
    // session or the intake key away from the operations that follow: spares made here.
    const spareSource = await create(base, main, '/api/v1/sources', {
      slug: `fuzz-spare-${token(3)}`,
      name: 'Spare source for the API fuzz',
    });
    const spareUser = await create(base, main, '/api/v1/users', {
      email: `fuzz-spare-${token(3)}@example.com`,
      name: 'Spare person for the API fuzz',
      role: 'rep',
    });
    const fuzzEnv = {
      ...process.env,
      BATON_FUZZ_SPARE_SOURCE_ID: spareSource.id,
      BATON_FUZZ_SPARE_USER_ID: spareUser.id,
      BATON_FUZZ_SOURCE_KEY: seeded.demoSource.apiKey,
      BATON_FUZZ_SOURCE_SLUG: seeded.demoSource.slug,
      BATON_FUZZ_FORM_ORIGIN: FORM_ORIGIN,
      BATON_FUZZ_METRICS_TOKEN: env.METRICS_TOKEN,
    };
    const log = path.join(outDir, 'schemathesis.log');
    fs.writeFileSync(log, '');
    /** @type {string[]} */
    const junitFiles = [];
    for (const [label, config, session] of /** @type {const} */ ([
      ['all operations', 'schemathesis.toml', main],
      ['sign-out', 'schemathesis-logout.toml', spare],
    ])) {
      const junit = path.join(outDir, `junit-${path.basename(config, '.toml')}.xml`);
      fs.appendFileSync(log, `\n===== ${label} (${config}) =====\n`);
      const code = await group.run(
        'schemathesis',
        schemathesis,
        [
          '--config-file',
          path.join(here, config),
          'run',
          `${base}/api/docs-json`,
          '--no-color',
          '--report',
          'junit',
          '--report-dir',
          outDir,
          '--report-junit-path',
          junit,
        ],
        {
          cwd: outDir,
          env: { ...fuzzEnv, BATON_FUZZ_SESSION: session.session, BATON_FUZZ_CSRF: session.csrf },
          output: { file: log },
        },
      );
      if (group.stopping) return [];
      if (!fs.existsSync(junit))
        throw new UserError(`api-fuzz: schemathesis wrote no report (exit ${code}); see ${log}`);
      junitFiles.push(junit);
    }
    const results = readJunitFiles(junitFiles);
    report(results, log, Date.now() - started);
    return results;
  } finally {
    group.onUnexpectedExit = null;
    await Promise.all([api.stop(), worker.stop()]);
  }
}

/**
 * @param {OperationResult[]} results
 * @param {string} log
 * @param {number} elapsed
 */
function report(results, log, elapsed) {
  const failed = results.filter((r) => !r.ok);
  // One test case per operation, plus schemathesis's stateful run over the linked operations.
  const summary = `${results.length} test cases, ${results.length - failed.length} passed, ${failed.length} failed (${formatDuration(elapsed)})`;
  if (failed.length === 0) note(`api fuzz: ${summary}`);
  else {
    fail(`api fuzz: ${summary}`);
    for (const r of failed) console.error(`    ${r.name}: ${[...new Set(r.problems)].join('; ')}`);
  }
  note(`api fuzz details: ${log}`);
}

/**
 * @param {string} url
 * @param {number} timeoutMs
 */
async function waitForReady(url, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  let last = 'no answer';
  while (Date.now() < deadline) {
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(2000) });
      if (response.ok) return;
      last = `HTTP ${response.status}`;
    } catch {
      last = 'no answer';
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new UserError(`api-fuzz: the API was not ready within ${timeoutMs / 1000}s (${last})`);
}

/**
 * The session and CSRF cookies of a fresh sign-in.
 * @param {string} base
 * @param {{ email: string, password: string }} login
 */
async function signIn(base, login) {
  const response = await fetch(`${base}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(login),
  });
  const cookies = Object.fromEntries(
    response.headers.getSetCookie().map((c) => {
      const [pair] = c.split(';');
      const at = pair.indexOf('=');
      return [pair.slice(0, at), pair.slice(at + 1)];
    }),
  );
  if (!response.ok || !cookies.baton_session || !cookies.baton_csrf)
    throw new UserError(`api-fuzz: signing in as ${login.email} failed (HTTP ${response.status})`);
  return { session: cookies.baton_session, csrf: cookies.baton_csrf };
}

/**
 * Creates a resource through the API as the signed-in admin; the created object.
 * @param {string} base
 * @param {{ session: string, csrf: string }} session
 * @param {string} route
 * @param {object} body
 * @returns {Promise<{ id: string }>}
 */
async function create(base, session, route, body) {
  const response = await fetch(`${base}${route}`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      cookie: `baton_session=${session.session}; baton_csrf=${session.csrf}`,
      'x-csrf-token': session.csrf,
    },
    body: JSON.stringify(body),
  });
  const created = /** @type {{ id?: unknown, source?: { id?: unknown } } | null} */ (
    await response.json().catch(() => null)
  );
  // POST /sources answers { source, apiKey }; the others the resource itself.
  const id = created?.source?.id ?? created?.id;
  if (response.status !== 201 || typeof id !== 'string')
    throw new UserError(
      `api-fuzz: POST ${route} answered ${response.status}: ${JSON.stringify(created)}`,
    );
  return { id };
}

// Alone: against the PostgreSQL server and Temporal named in the environment.
if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const databaseServerUrl = process.env.BATON_TEST_DATABASE_URL;
  const temporalAddress = process.env.TEMPORAL_ADDRESS;
  if (!databaseServerUrl || !temporalAddress) {
    console.error(
      'set BATON_TEST_DATABASE_URL and TEMPORAL_ADDRESS (a running PostgreSQL and Temporal)',
    );
    process.exit(2);
  }
  const group = new ProcessGroup();
  const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'baton-api-fuzz-'));
  runMain(group, async () => {
    step(`API fuzz (logs in ${workDir}/logs/api-fuzz)`);
    const results = await runApiFuzz({
      group,
      root: path.resolve(here, '../../../..'),
      databaseServerUrl,
      temporalAddress,
      logsDir: path.join(workDir, 'logs'),
      workDir,
    });
    console.log(
      paint(
        results.every((r) => r.ok) ? 'green' : 'red',
        `api fuzz: ${results.filter((r) => r.ok).length} passed, ${results.filter((r) => !r.ok).length} failed`,
      ),
    );
    return results.length > 0 && results.every((r) => r.ok) ? 0 : 1;
  });
}
