// @ts-check
// The system under test, with a handle on every part so a scenario can break it: an embedded
// PostgreSQL and a Temporal dev server of its own (fixed ports and data files, so a restart comes
// back where it was), the SMTP sink and the Ollama double in this process, and the worker and the
// API as child processes run the way `npm start` runs them. Everything is registered with the
// ProcessGroup, so it is all stopped on success, failure or Ctrl-C.
import fs from 'node:fs';
import path from 'node:path';
import { freePort } from '../../stack/src/free-port.mjs';
import { UserError, note } from '../../stack/src/log.mjs';
import { spawnChild } from '../../stack/src/process-group.mjs';
import { OllamaDouble } from './ollama-double.mjs';
import { SmtpSink } from './smtp-sink.mjs';

/** @typedef {import('../../stack/src/process-group.mjs').Child} Child */
/** @typedef {import('../../stack/src/process-group.mjs').ProcessGroup} ProcessGroup */

const files = {
  migrate: 'apps/api/src/cli/migrate.ts',
  api: 'apps/api/src/main.ts',
  worker: 'apps/worker/src/main.ts',
  bundle: 'apps/worker/src/bundle/build-workflow-bundle.ts',
};

/** The worker says this once it polls its task queue (apps/worker/src/main.ts). */
const WORKER_READY = /Worker polling task queue/;
const START_TIMEOUT_MS = 120_000;
/** The qualify node's own model timeout in the chaos flow, and the worker's default. */
export const OLLAMA_TIMEOUT_MS = 4000;

const sleep = (/** @type {number} */ ms) => new Promise((resolve) => setTimeout(resolve, ms));

export class ChaosStack {
  /**
   * @param {object} o
   * @param {string} o.root the repository
   * @param {string} o.dir this run's folder (data and logs)
   * @param {ProcessGroup} o.group
   */
  constructor(o) {
    this.root = o.root;
    this.dir = o.dir;
    this.logs = path.join(o.dir, 'logs');
    this.group = o.group;
    /** @type {{ postgres: number, temporal: number, api: number, smtp: number, ollama: number } | null} */
    this.ports = null;
    /** @type {{ stop: () => Promise<void> } | null} */
    this.postgres = null;
    /** @type {string | null} */
    this.databaseUrl = null;
    /** @type {{ stop: () => Promise<void> } | null} */
    this.temporal = null;
    /** @type {Child | null} */
    this.worker = null;
    /** @type {Child | null} */
    this.api = null;
    /** @type {SmtpSink | null} */
    this.smtp = null;
    /** @type {OllamaDouble | null} */
    this.ollama = null;
    /** Children stopped or killed by the run itself: their exit is no crash. */
    this.stoppedOnPurpose = new WeakSet();
    /** Exits nobody asked for, as `name: how`, for the scenario that saw them. */
    /** @type {string[]} */
    this.crashes = [];
    /** @type {{ email: string, password: string } | null} the demo admin (from the seed) */
    this.login = null;
    /** @type {string | null} the demo source's API key */
    this.apiKey = null;
    this.bundlePath = path.join(o.dir, 'workflow-bundle.js');
    this.taskQueue = 'baton-chaos';
  }

  get apiUrl() {
    return `http://127.0.0.1:${this.requirePorts().api}`;
  }

  requirePorts() {
    if (!this.ports) throw new Error('the chaos stack has not been started');
    return this.ports;
  }

  /** Everything up: PostgreSQL, Temporal, SMTP, Ollama, migrations + seed, worker, API. */
  async start() {
    fs.mkdirSync(this.logs, { recursive: true });
    this.ports = {
      postgres: await freePort(),
      temporal: await freePort(),
      api: await freePort(),
      smtp: await freePort(),
      ollama: await freePort(),
    };
    this.smtp = new SmtpSink(this.ports.smtp);
    this.group.add('SMTP sink', async () => this.smtp?.stop());
    await this.smtp.start();
    this.ollama = new OllamaDouble(this.ports.ollama);
    this.group.add('Ollama double', async () => this.ollama?.close());
    await this.ollama.setMode('up');
    this.group.add('postgres', async () => this.stopPostgres());
    this.group.add('temporal', async () => this.stopTemporal());
    await Promise.all([this.startPostgres(), this.startTemporal()]);
    await this.migrate();
    await this.buildBundle();
    this.group.add('worker', async () => this.stopWorker());
    this.group.add('api', async () => this.stopApi());
    await Promise.all([this.startWorker(), this.startApi()]);
  }

  /** The environment of the API, the worker and the migration. */
  env() {
    const ports = this.requirePorts();
    if (!this.databaseUrl) throw new Error('PostgreSQL has not been started');
    /** @type {NodeJS.ProcessEnv} */
    const env = { ...process.env };
    for (const name of ['WEB_DIST', 'NODE_OPTIONS', 'METRICS_TOKEN']) delete env[name];
    return {
      ...env,
      SWC_NODE_PROJECT: 'tsconfig.base.json',
      NODE_ENV: 'development',
      LOG_LEVEL: 'WARN',
      DATABASE_URL: this.databaseUrl,
      TEMPORAL_ADDRESS: `127.0.0.1:${ports.temporal}`,
      TEMPORAL_NAMESPACE: 'default',
      TEMPORAL_TASK_QUEUE: this.taskQueue,
      PORT: String(ports.api),
      HOST: '127.0.0.1',
      SMTP_URL: `smtp://127.0.0.1:${ports.smtp}`,
      SMTP_FROM: 'Baton chaos <baton@chaos.example>',
      OLLAMA_HOST: `http://127.0.0.1:${ports.ollama}`,
      OLLAMA_TIMEOUT_MS: String(OLLAMA_TIMEOUT_MS),
      WORKFLOW_BUNDLE_PATH: this.bundlePath,
      BATON_SEED_DEMO: 'true',
      BATON_DATA_DIR: this.dir,
      DISPATCH_INTERVAL_MS: '1000',
    };
  }

  async startPostgres() {
    const { startPostgres } = await import('../../stack/src/postgres.mjs');
    const db = await startPostgres({
      dataDir: path.join(this.dir, 'postgres'),
      database: 'baton',
      logFile: path.join(this.logs, 'postgres.log'),
      port: this.requirePorts().postgres,
      throwaway: true,
      externalUrl: null,
    });
    this.postgres = db;
    this.databaseUrl = db.url;
  }

  async stopPostgres() {
    const db = this.postgres;
    this.postgres = null;
    await db?.stop();
  }

  async startTemporal() {
    const { startTemporal } = await import('../../stack/src/temporal-server.mjs');
    this.temporal = await startTemporal({
      dataDir: path.join(this.dir, 'temporal'),
      logFile: path.join(this.logs, 'temporal.log'),
      ui: false,
      port: this.requirePorts().temporal,
      externalAddress: null,
    });
  }

  async stopTemporal() {
    const temporal = this.temporal;
    this.temporal = null;
    await temporal?.stop();
  }

  /**
   * Runs a TypeScript entry point to completion; its output goes to `<name>.log`.
   * @param {string} name
   * @param {string[]} args
   * @returns {Promise<string[]>} its stdout lines
   */
  async runToEnd(name, args) {
    const logFile = path.join(this.logs, `${name}.log`);
    /** @type {string[]} */
    const stdout = [];
    const child = this.spawnLogged(name, args, logFile, (line, stream) => {
      if (stream === 'stdout') stdout.push(line);
    });
    const entry = { name, stop: () => child.stop() };
    this.group.resources.push(entry);
    const info = await child.exited;
    this.group.resources = this.group.resources.filter((r) => r !== entry);
    if (info.code !== 0)
      throw new UserError(
        `${name} failed (${info.signal ?? `exit ${info.code}`}); log: ${logFile}`,
      );
    return stdout;
  }

  /** Migrations and the demo seed (team, reps, the source and its API key). */
  async migrate() {
    const stdout = await this.runToEnd('migrate', ['-r', '@swc-node/register', files.migrate]);
    const last = [...stdout].reverse().find((line) => line.trim() !== '') ?? '';
    try {
      const parsed = JSON.parse(last);
      if (parsed?.demoLogin?.password && parsed?.demoSource?.apiKey) {
        this.login = parsed.demoLogin;
        this.apiKey = parsed.demoSource.apiKey;
        return;
      }
    } catch {
      /* reported below */
    }
    throw new UserError(`${files.migrate} did not print the demo login and source key: ${last}`);
  }

  /** One prebuilt workflow bundle, as production runs it: every worker restart then is quick. */
  async buildBundle() {
    await this.runToEnd('bundle', ['-r', '@swc-node/register', files.bundle, this.bundlePath]);
  }

  /**
   * @param {string} name
   * @param {string[]} args to node
   * @param {string} logFile
   * @param {(line: string, stream: 'stdout' | 'stderr') => void} [onLine]
   */
  spawnLogged(name, args, logFile, onLine) {
    const log = fs.createWriteStream(logFile, { flags: 'a' });
    log.write(`--- ${new Date().toISOString()} ${name} starts\n`);
    const child = spawnChild(name, process.execPath, args, {
      cwd: this.root,
      env: this.env(),
      onLine: (line, stream) => {
        log.write(`${line}\n`);
        onLine?.(line, stream);
      },
      filter: () => false,
    });
    void child.exited.then((info) => {
      log.end(`--- ${new Date().toISOString()} ${name} exited (${info.signal ?? info.code})\n`);
    });
    return child;
  }

  /**
   * A long-running child: resolves once `isReady` says so, throws if it exits or times out first.
   * @param {'worker' | 'api'} name
   * @param {string} file
   * @param {(child: Child, sawReadyLine: () => boolean) => Promise<boolean>} isReady
   */
  async startService(name, file, isReady) {
    let ready = false;
    const child = this.spawnLogged(
      name,
      ['-r', '@swc-node/register', file],
      path.join(this.logs, `${name}.log`),
      (line) => {
        if (name === 'worker' && WORKER_READY.test(line)) ready = true;
      },
    );
    void child.exited.then((info) => {
      if (!this.stoppedOnPurpose.has(child))
        this.crashes.push(`${name} exited by itself (${info.signal ?? `code ${info.code}`})`);
    });
    this[name] = child;
    const deadline = Date.now() + START_TIMEOUT_MS;
    while (!(await isReady(child, () => ready))) {
      if (child.exitInfo)
        throw new UserError(
          `the ${name} exited while starting (${child.exitInfo.signal ?? `code ${child.exitInfo.code}`}); log: ${path.join(this.logs, `${name}.log`)}`,
        );
      if (Date.now() > deadline)
        throw new UserError(
          `the ${name} was not ready within ${START_TIMEOUT_MS / 1000}s; log: ${path.join(this.logs, `${name}.log`)}`,
        );
      await sleep(250);
    }
  }

  async startWorker() {
    await this.startService('worker', files.worker, async (_child, sawReadyLine) => sawReadyLine());
  }

  async startApi() {
    await this.startService('api', files.api, async () => {
      try {
        const response = await fetch(`${this.apiUrl}/health/live`, {
          signal: AbortSignal.timeout(2000),
        });
        return response.ok;
      } catch {
        return false;
      }
    });
  }

  /** @param {Child | null} child */
  async stopChild(child) {
    if (!child) return;
    this.stoppedOnPurpose.add(child);
    await child.stop(15_000);
  }

  async stopWorker() {
    const child = this.worker;
    this.worker = null;
    await this.stopChild(child);
  }

  async stopApi() {
    const child = this.api;
    this.api = null;
    await this.stopChild(child);
  }

  /** SIGKILL to the worker's process group: no shutdown, activities cut off mid-way. */
  async killWorker() {
    const child = this.worker;
    if (!child) throw new Error('the worker is not running');
    this.worker = null;
    this.stoppedOnPurpose.add(child);
    process.kill(-child.pid, 'SIGKILL');
    await child.exited;
  }

  /** Brings back whatever is down (after a scenario that left something broken). */
  async heal() {
    if (!this.smtp?.running) await this.smtp?.start();
    if (this.ollama && this.ollama.mode !== 'up') await this.ollama.setMode('up');
    if (!this.postgres) await this.startPostgres();
    if (!this.temporal) await this.startTemporal();
    if (!this.worker || this.worker.exitInfo) {
      if (this.worker) note('restarting the worker, which had exited');
      await this.startWorker();
    }
    if (!this.api || this.api.exitInfo) {
      if (this.api) note('restarting the API, which had exited');
      await this.startApi();
    }
  }
}
