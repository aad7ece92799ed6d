// @ts-check
// Installs the workspace's npm dependencies when they are missing or older than the lockfile.
// Builtins only: this runs before node_modules exists.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { UserError, formatDuration, note, step } from './log.mjs';

const MINIMUM_NODE = [20, 19];

/** @param {string} file */
function mtime(file) {
  try {
    return fs.statSync(file).mtimeMs;
  } catch {
    return null;
  }
}

/** Throws when Node is older than the workspace's engines field allows. */
export function assertNodeVersion() {
  const [major, minor] = process.versions.node.split('.').map(Number);
  if (major < MINIMUM_NODE[0] || (major === MINIMUM_NODE[0] && minor < MINIMUM_NODE[1])) {
    throw new UserError(
      `Node.js ${MINIMUM_NODE.join('.')} or newer is needed; this is ${process.versions.node}`,
    );
  }
}

/**
 * Why an install is needed, or null when node_modules is up to date.
 * @param {string} root
 */
export function installReason(root) {
  const installed = mtime(path.join(root, 'node_modules', '.package-lock.json'));
  if (!fs.existsSync(path.join(root, 'node_modules')) || installed === null)
    return 'node_modules is missing';
  const lock = mtime(path.join(root, 'package-lock.json'));
  if (lock !== null && lock > installed) return 'package-lock.json is newer than node_modules';
  return null;
}

/**
 * `npm install` (which follows package-lock.json) when needed. Not `npm ci`: a lock written on a
 * machine whose registry mirror serves only Linux builds lacks the other platforms' optional
 * packages (@swc/core-darwin-arm64, …), and npm 11's `ci` rejects such a lock outright, while
 * `install` installs exactly the locked versions for this platform and leaves the lock as it is.
 * @param {string} root the workspace root
 */
export function ensureDependencies(root) {
  assertNodeVersion();
  const reason = installReason(root);
  if (!reason) return;
  const args = ['install', '--no-audit', '--no-fund'];
  step(
    `Installing dependencies (${reason}): npm ${args.join(' ')} — a few minutes on a fresh clone`,
  );
  const started = Date.now();
  const result = spawnSync('npm', args, { cwd: root, stdio: ['ignore', 'inherit', 'inherit'] });
  if (result.error) throw new UserError(`Could not run npm: ${result.error.message}`);
  if (result.status !== 0)
    throw new UserError(`npm ${args[0]} failed (exit ${result.status}); see the npm output above`);
  note(`dependencies installed in ${formatDuration(Date.now() - started)}`);
}
