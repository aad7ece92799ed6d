// @ts-check
// Finds the Temporal CLI (the dev server binary), in this order:
//   1. $TEMPORAL_CLI   2. `temporal` on PATH   3. the project cache
//   4. built into the cache with `go install` when Go is installed
//   5. the Temporal SDK's own download (@temporalio/testing), which needs the internet.
// Builtins only at the top level: .ci/run calls `node tools/stack/src/temporal-cli.mjs --ensure`
// before node_modules exists; it prints the binary's path on stdout (progress goes to stderr).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { UserError, fail, formatDuration, paint, tail } from './log.mjs';
import { spawnChild } from './process-group.mjs';
import { isExecutableFile, toolCacheDir } from './tool-cache.mjs';

export const TEMPORAL_CLI_VERSION = 'v1.5.1';
const GO_PACKAGE = `github.com/temporalio/cli/cmd/temporal@${TEMPORAL_CLI_VERSION}`;

/** @typedef {{ kind: 'binary', path: string } | { kind: 'sdk' }} TemporalCli */

/** @param {string} message */
const say = (message) => process.stderr.write(paint('gray', `  temporal-cli: ${message}`) + '\n');

/** The folder the project caches the CLI in: ${XDG_CACHE_HOME:-~/.cache}/baton/temporal-cli/<version>. */
export function temporalCacheDir() {
  return toolCacheDir('temporal-cli', TEMPORAL_CLI_VERSION);
}

/**
 * The first executable called `name` on PATH.
 * @param {string} name
 */
export function findOnPath(name) {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    if (dir && isExecutableFile(path.join(dir, name))) return path.join(dir, name);
  }
  return null;
}

/**
 * Builds the CLI into `dir` with the Go toolchain, showing progress (a few minutes the first time).
 * @param {string} go
 * @param {string} dir
 */
async function buildWithGo(go, dir) {
  fs.mkdirSync(dir, { recursive: true });
  const logFile = path.join(dir, 'go-install.log');
  fs.writeFileSync(logFile, '');
  say(`building ${GO_PACKAGE} with Go into ${dir}; this may take a few minutes (log: ${logFile})`);
  const started = Date.now();
  const tty = process.stderr.isTTY === true;
  let downloads = 0;
  let packages = 0;
  let lastReport = started;
  const child = spawnChild('go', go, ['install', '-v', GO_PACKAGE], {
    env: { ...process.env, CGO_ENABLED: '0', GOBIN: dir },
    output: 'raw',
    filter: () => false,
    onLine: (line) => {
      fs.appendFileSync(logFile, `${line}\n`);
      if (line.startsWith('go: downloading')) downloads++;
      else if (/^[\w.-]+(\/[\w.~+-]+)*$/.test(line)) packages++;
      const now = Date.now();
      const status = `building temporal ${TEMPORAL_CLI_VERSION}: ${downloads} modules downloaded, ${packages} packages compiled (${formatDuration(now - started)})`;
      if (tty) process.stderr.write(`\r\u001b[2K  ${paint('gray', status)}`);
      else if (now - lastReport > 15_000) {
        lastReport = now;
        say(status);
      }
    },
  });
  const { code, signal } = await child.exited;
  if (tty) process.stderr.write('\r\u001b[2K');
  const binary = path.join(dir, 'temporal');
  if (code !== 0 || !isExecutableFile(binary)) {
    const last = tail(fs.readFileSync(logFile, 'utf8'), 5).map((line) => `    ${line}`);
    throw new UserError(
      [
        `go install ${GO_PACKAGE} failed (${signal ?? `exit ${code}`}); full log: ${logFile}`,
        ...last,
      ].join('\n'),
    );
  }
  say(`built ${binary} in ${formatDuration(Date.now() - started)}`);
  return binary;
}

/** Whether @temporalio/testing (whose TestWorkflowEnvironment can download the dev server) is installed. */
function sdkInstalled() {
  try {
    import.meta.resolve('@temporalio/testing');
    return true;
  } catch {
    return false;
  }
}

/**
 * Resolves the Temporal CLI, one message per step tried.
 * @returns {Promise<TemporalCli>}
 */
export async function resolveTemporalCli() {
  const fromEnv = process.env.TEMPORAL_CLI;
  if (fromEnv) {
    if (!isExecutableFile(fromEnv))
      throw new UserError(`TEMPORAL_CLI=${fromEnv} is not an executable file`);
    say(`using TEMPORAL_CLI=${fromEnv}`);
    return { kind: 'binary', path: fromEnv };
  }
  say('TEMPORAL_CLI is not set');

  const onPath = findOnPath('temporal');
  if (onPath) {
    say(`using ${onPath} from PATH`);
    return { kind: 'binary', path: onPath };
  }
  say('no `temporal` on PATH');

  const dir = temporalCacheDir();
  const cached = path.join(dir, 'temporal');
  if (isExecutableFile(cached)) {
    say(`using cached ${cached}`);
    return { kind: 'binary', path: cached };
  }
  say(`not in the cache (${cached})`);

  const go = findOnPath('go');
  if (go) return { kind: 'binary', path: await buildWithGo(go, dir) };
  say('no `go` on PATH to build it with');

  if (sdkInstalled()) {
    say(
      "falling back to the Temporal SDK's dev-server download (needs the internet; may fail offline)",
    );
    return { kind: 'sdk' };
  }
  throw new UserError(
    `No Temporal CLI: set TEMPORAL_CLI, put \`temporal\` on PATH, or install Go to build it into ${dir}`,
  );
}

// `node tools/stack/src/temporal-cli.mjs --ensure`: resolve (building if need be), print the path.
if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  if (process.argv[2] !== '--ensure') {
    console.error('usage: node tools/stack/src/temporal-cli.mjs --ensure');
    process.exit(2);
  }
  resolveTemporalCli().then(
    (cli) => {
      if (cli.kind === 'binary') console.log(cli.path);
      process.exit(0);
    },
    (error) => {
      if (error instanceof UserError) fail(error.message);
      else console.error(error);
      process.exit(1);
    },
  );
}
