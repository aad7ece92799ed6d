// @ts-check
// Where the project keeps tools it builds or installs once (the Temporal CLI, schemathesis):
// ${XDG_CACHE_HOME:-~/.cache}/baton/<tool>/<version>, outside the repo so clones share them.
// Builtins only: .ci/run uses these before node_modules exists.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * @param {string} tool
 * @param {string} version
 */
export function toolCacheDir(tool, version) {
  const base = process.env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache');
  return path.join(base, 'baton', tool, version);
}

/** @param {string} file */
export function isExecutableFile(file) {
  try {
    fs.accessSync(file, fs.constants.X_OK);
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}
