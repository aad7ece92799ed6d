// @ts-check
// schemathesis (PyPI), the OpenAPI fuzzer `npm test` runs against the API, installed once into a
// virtualenv in the user cache, keyed by version: ${XDG_CACHE_HOME:-~/.cache}/baton/schemathesis/<v>/venv.
// Found in this order: $SCHEMATHESIS_CLI, the cache, else installed there with python3 -m venv + pip.
// Builtins only: .ci/run calls `node tools/stack/src/api-fuzz/schemathesis-install.mjs --ensure`
// before node_modules exists; it prints the binary's path on stdout (progress goes to stderr).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { UserError, fail, formatDuration, paint, tail } from '../log.mjs';
import { isExecutableFile, toolCacheDir } from '../tool-cache.mjs';

export const SCHEMATHESIS_VERSION = '4.32.5';

/** @param {string} message */
const say = (message) => process.stderr.write(paint('gray', `  schemathesis: ${message}`) + '\n');

/** ${XDG_CACHE_HOME:-~/.cache}/baton/schemathesis/<version> */
export function schemathesisCacheDir() {
  return toolCacheDir('schemathesis', SCHEMATHESIS_VERSION);
}

/**
 * Runs a setup command with its output in `logFile`; a UserError quoting the log's end on failure.
 * @param {string} logFile
 * @param {string} command
 * @param {string[]} args
 */
function runLogged(logFile, command, args) {
  fs.appendFileSync(logFile, `$ ${command} ${args.join(' ')}\n`);
  const result = spawnSync(command, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  fs.appendFileSync(logFile, `${result.stdout ?? ''}${result.stderr ?? ''}`);
  if (result.error || result.status !== 0) {
    const why = result.error
      ? /** @type {NodeJS.ErrnoException} */ (result.error).code === 'ENOENT'
        ? `${command} not found`
        : result.error.message
      : `exit ${result.status}`;
    const last = tail(fs.readFileSync(logFile, 'utf8'), 5).map((line) => `    ${line}`);
    throw new UserError(
      [`${command} ${args.join(' ')} failed (${why}); full log: ${logFile}`, ...last].join('\n'),
    );
  }
}

/**
 * The schemathesis executable, installing it into the cache when it is not there yet. A venv
 * counts only once the `installed` marker is written after pip succeeded, so an interrupted
 * install is redone rather than half used.
 * @returns {string}
 */
export function ensureSchemathesis() {
  const fromEnv = process.env.SCHEMATHESIS_CLI;
  if (fromEnv) {
    if (!isExecutableFile(fromEnv))
      throw new UserError(`SCHEMATHESIS_CLI=${fromEnv} is not an executable file`);
    return fromEnv;
  }
  const dir = schemathesisCacheDir();
  const venv = path.join(dir, 'venv');
  const binary = path.join(venv, 'bin', 'schemathesis');
  const marker = path.join(dir, 'installed');
  if (fs.existsSync(marker) && isExecutableFile(binary)) return binary;

  const started = Date.now();
  say(`installing schemathesis==${SCHEMATHESIS_VERSION} into ${venv} (once; about a minute)`);
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  const logFile = path.join(dir, 'install.log');
  fs.writeFileSync(logFile, '');
  const python = process.env.PYTHON || 'python3';
  runLogged(logFile, python, ['-m', 'venv', venv]);
  const pip = path.join(venv, 'bin', 'pip');
  runLogged(logFile, pip, [
    'install',
    '--disable-pip-version-check',
    '--no-input',
    '--quiet',
    `schemathesis==${SCHEMATHESIS_VERSION}`,
  ]);
  if (!isExecutableFile(binary))
    throw new UserError(`pip installed schemathesis but ${binary} is missing; log: ${logFile}`);
  fs.writeFileSync(marker, `${new Date().toISOString()}\n`);
  say(`installed in ${formatDuration(Date.now() - started)}`);
  return binary;
}

// `node tools/stack/src/api-fuzz/schemathesis-install.mjs --ensure`: install if need be, print the path.
if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  if (process.argv[2] !== '--ensure') {
    console.error('usage: node tools/stack/src/api-fuzz/schemathesis-install.mjs --ensure');
    process.exit(2);
  }
  try {
    console.log(ensureSchemathesis());
  } catch (error) {
    if (error instanceof UserError) fail(error.message);
    else console.error(error);
    process.exit(1);
  }
}
