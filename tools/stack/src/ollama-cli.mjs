// @ts-check
// Finds the Ollama binary (server and client in one), in this order:
//   1. $OLLAMA_CLI   2. `ollama` on PATH   3. the project cache
//   4. built into the cache with `go install` (needs Go and a C compiler: Ollama embeds llama.cpp).
// Builtins only at the top level: .ci/run calls `node tools/stack/src/ollama-cli.mjs --ensure`
// before node_modules exists; it prints the binary's path on stdout (progress goes to stderr).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { UserError, fail, formatDuration, paint, tail } from './log.mjs';
import { spawnChild } from './process-group.mjs';
import { findOnPath } from './temporal-cli.mjs';
import { isExecutableFile, toolCacheDir } from './tool-cache.mjs';

// The last tag whose module zip builds with plain `go install` (later ones need their CMake step).
export const OLLAMA_VERSION = 'v0.11.4';
const GO_PACKAGE = `github.com/ollama/ollama@${OLLAMA_VERSION}`;

/** @param {string} message */
const say = (message) => process.stderr.write(paint('gray', `  ollama-cli: ${message}`) + '\n');

/** ${XDG_CACHE_HOME:-~/.cache}/baton/ollama/<version>. */
export function ollamaCacheDir() {
  return toolCacheDir('ollama', OLLAMA_VERSION);
}

/**
 * Builds Ollama into `dir` with the Go toolchain, showing progress (about 4 minutes on 2 cores).
 * @param {string} go
 * @param {string} dir
 */
async function buildWithGo(go, dir) {
  if (!findOnPath(process.env.CC || 'gcc') && !findOnPath('cc'))
    throw new UserError(
      `Building Ollama needs a C compiler (cgo, for llama.cpp): install gcc, or set OLLAMA_CLI`,
    );
  fs.mkdirSync(dir, { recursive: true });
  const logFile = path.join(dir, 'go-install.log');
  fs.writeFileSync(logFile, '');
  say(`building ${GO_PACKAGE} with Go into ${dir}; this takes a few minutes (log: ${logFile})`);
  const started = Date.now();
  const tty = process.stderr.isTTY === true;
  let downloads = 0;
  let packages = 0;
  let lastReport = started;
  const child = spawnChild('go', go, ['install', '-v', GO_PACKAGE], {
    env: { ...process.env, CGO_ENABLED: '1', GOBIN: dir },
    output: 'raw',
    filter: () => false,
    onLine: (line) => {
      fs.appendFileSync(logFile, `${line}\n`);
      if (line.startsWith('go: downloading')) downloads++;
      else if (/^[\w.-]+(\/[\w.~+-]+)*$/.test(line)) packages++;
      const now = Date.now();
      const status = `building ollama ${OLLAMA_VERSION}: ${downloads} modules downloaded, ${packages} packages compiled (${formatDuration(now - started)})`;
      if (tty) process.stderr.write(`\r\u001b[2K  ${paint('gray', status)}`);
      else if (now - lastReport > 15_000) {
        lastReport = now;
        say(status);
      }
    },
  });
  // cgo compiles llama.cpp for minutes without a line: keep CI logs showing it is alive.
  const heartbeat = tty
    ? null
    : setInterval(() => {
        if (Date.now() - lastReport > 30_000) {
          lastReport = Date.now();
          say(
            `still building ollama ${OLLAMA_VERSION} (${formatDuration(Date.now() - started)}, ${packages} packages compiled)`,
          );
        }
      }, 5_000);
  const { code, signal } = await child.exited;
  if (heartbeat) clearInterval(heartbeat);
  if (tty) process.stderr.write('\r\u001b[2K');
  const binary = path.join(dir, 'ollama');
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

/**
 * The Ollama binary's path, building it if need be; one message per step tried.
 * @param {{ build?: boolean }} [options] build: false to return null instead of building
 * @returns {Promise<string | null>}
 */
export async function resolveOllamaCli(options = {}) {
  const fromEnv = process.env.OLLAMA_CLI;
  if (fromEnv) {
    if (!isExecutableFile(fromEnv))
      throw new UserError(`OLLAMA_CLI=${fromEnv} is not an executable file`);
    say(`using OLLAMA_CLI=${fromEnv}`);
    return fromEnv;
  }
  say('OLLAMA_CLI is not set');

  const onPath = findOnPath('ollama');
  if (onPath) {
    say(`using ${onPath} from PATH`);
    return onPath;
  }
  say('no `ollama` on PATH');

  const dir = ollamaCacheDir();
  const cached = path.join(dir, 'ollama');
  if (isExecutableFile(cached)) {
    say(`using cached ${cached}`);
    return cached;
  }
  say(`not in the cache (${cached})`);
  if (options.build === false) return null;

  const go = findOnPath('go');
  if (go) return buildWithGo(go, dir);
  throw new UserError(
    `No Ollama: set OLLAMA_CLI, put \`ollama\` on PATH, or install Go and gcc to build it into ${dir}`,
  );
}

// `node tools/stack/src/ollama-cli.mjs --ensure`: resolve (building if need be), print the path.
if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  if (process.argv[2] !== '--ensure') {
    console.error('usage: node tools/stack/src/ollama-cli.mjs --ensure');
    process.exit(2);
  }
  resolveOllamaCli().then(
    (cli) => {
      console.log(cli);
      process.exit(0);
    },
    (error) => {
      if (error instanceof UserError) fail(error.message);
      else console.error(error);
      process.exit(1);
    },
  );
}
