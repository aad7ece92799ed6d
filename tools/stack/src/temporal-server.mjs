// @ts-check
// The Temporal dev server (`temporal server start-dev`), persisted in a SQLite file under the data
// dir, logging to a file; or TEMPORAL_ADDRESS when it is set (then nothing is started).
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { freePort, preferredOrFreePort } from './free-port.mjs';
import { UserError, note, tail } from './log.mjs';
import { spawnChild } from './process-group.mjs';
import { resolveTemporalCli } from './temporal-cli.mjs';

/**
 * @typedef {object} TemporalServer
 * @property {string} address host:port of the frontend (gRPC)
 * @property {string | null} uiUrl the Web UI, when it runs
 * @property {boolean} external true when TEMPORAL_ADDRESS was used
 * @property {number | null} port the frontend port (null when external)
 * @property {number | null} uiPort the Web UI's port, when it runs here
 * @property {Promise<import('./process-group.mjs').ExitInfo>} exited resolves if the server exits (never when it is not a child of ours)
 * @property {number} [pid]
 * @property {() => Promise<void>} stop
 * @property {string} [cliPath] the CLI binary that runs it, when one does
 */

/**
 * @param {string} host
 * @param {number} port
 */
function canConnect(host, port) {
  return new Promise((resolve) => {
    const socket = net.connect({ host, port });
    socket.setTimeout(1000);
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('timeout', () => {
      socket.destroy();
      resolve(false);
    });
    socket.once('error', () => resolve(false));
  });
}

/**
 * @param {object} options
 * @param {string} options.dataDir folder for temporal.db (created if missing)
 * @param {string} options.logFile
 * @param {boolean} options.ui keep the Web UI on
 * @param {number} [options.port] frontend port; else 7233 when free (with ui) or any free port
 * @param {number} [options.uiPort] else port + 1000 when free, or any free port
 * @param {string | null} [options.externalAddress] defaults to $TEMPORAL_ADDRESS; null to always start one
 * @param {number} [options.timeoutMs]
 * @returns {Promise<TemporalServer>}
 */
export async function startTemporal(options) {
  const external =
    options.externalAddress === undefined ? process.env.TEMPORAL_ADDRESS : options.externalAddress;
  if (external) {
    note(`Temporal: using TEMPORAL_ADDRESS=${external} (not starting a dev server)`);
    return {
      address: external,
      uiUrl: process.env.TEMPORAL_UI_URL ?? null,
      external: true,
      port: null,
      uiPort: null,
      exited: new Promise(() => {}),
      stop: async () => {},
    };
  }
  const cli = await resolveTemporalCli();
  fs.mkdirSync(options.dataDir, { recursive: true });
  fs.mkdirSync(path.dirname(options.logFile), { recursive: true });
  const host = '127.0.0.1';
  const port = options.port ?? (options.ui ? await preferredOrFreePort(7233) : await freePort());
  const uiPort = options.ui
    ? (options.uiPort ?? (await preferredOrFreePort(port + 1000)))
    : undefined;
  const dbFile = path.join(options.dataDir, 'temporal.db');
  const address = `${host}:${port}`;
  const uiUrl = uiPort ? `http://localhost:${uiPort}` : null;

  if (cli.kind === 'sdk') {
    /** @type {any} */
    const testing = await import('@temporalio/testing');
    try {
      const env = await testing.TestWorkflowEnvironment.createLocal({
        server: {
          ip: host,
          port,
          ui: options.ui,
          uiPort,
          dbFilename: dbFile,
          log: { format: 'pretty', level: 'warn' },
        },
      });
      return {
        address,
        uiUrl,
        external: false,
        port,
        uiPort: uiPort ?? null,
        exited: new Promise(() => {}), // the SDK runs it: its exit is not ours to see
        stop: () => env.teardown(),
      };
    } catch (error) {
      throw new UserError(
        `The Temporal SDK could not download or start the dev server (offline?): ${error instanceof Error ? error.message : String(error)}`,
      );
    }
  }

  const args = [
    'server',
    'start-dev',
    '--db-filename',
    dbFile,
    '--ip',
    host,
    '--port',
    String(port),
  ];
  args.push(...(uiPort ? ['--ui-port', String(uiPort)] : ['--headless']));
  args.push('--log-level', 'warn', '--color', 'never');
  fs.appendFileSync(
    options.logFile,
    `\n--- ${new Date().toISOString()} ${cli.path} ${args.join(' ')}\n`,
  );
  const child = spawnChild('temporal', cli.path, args, { output: { file: options.logFile } });
  const stop = async () => {
    await child.stop(10_000);
  };

  const deadline = Date.now() + (options.timeoutMs ?? 60_000);
  for (;;) {
    if (child.exitInfo) {
      const last = tail(fs.readFileSync(options.logFile, 'utf8'), 5).map((line) => `    ${line}`);
      throw new UserError(
        [
          `The Temporal dev server exited at start (code ${child.exitInfo.code}); log: ${options.logFile}`,
          ...last,
        ].join('\n'),
      );
    }
    if (await canConnect(host, port)) break;
    if (Date.now() > deadline) {
      await stop();
      throw new UserError(
        `The Temporal dev server did not open port ${port} within ${Math.round((options.timeoutMs ?? 60_000) / 1000)}s; log: ${options.logFile}`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return {
    address,
    uiUrl,
    external: false,
    port,
    uiPort: uiPort ?? null,
    exited: child.exited,
    pid: child.pid,
    stop,
    cliPath: cli.path,
  };
}
