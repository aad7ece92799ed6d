// @ts-check
// Where `npm start` keeps the embedded PostgreSQL cluster. Normally `<data dir>/postgres`. As root
// the server runs as the user `postgres`, which cannot walk into a clone under a private folder
// (/root/baton, mktemp -d): the cluster then lives in a folder of its own that `postgres` can
// reach, one per clone (named by a hash of the clone's path), and start.mjs says where.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/**
 * Whether every existing folder from `dir` up to / is searchable by others (the part of `dir`
 * not created yet is created by us with mode 755).
 * @param {string} dir
 */
export function reachableByOthers(dir) {
  for (let current = path.resolve(dir); ; current = path.dirname(current)) {
    let mode;
    try {
      mode = fs.statSync(current).mode;
    } catch {
      mode = 0o755; // created later, by us
    }
    if ((mode & 0o001) === 0) return false;
    if (current === path.dirname(current)) return true;
  }
}

/**
 * Folders tried, in order, for a cluster that cannot live in the clone: /var/lib is the usual
 * home of service data; /var/tmp is the fallback where /var/lib is read-only.
 * @param {string} hash
 */
const sharedHomes = (hash) => [`/var/lib/baton/${hash}`, `/var/tmp/baton-${hash}`];

/**
 * Creates `dir` (and its missing parents) searchable by others, whatever the umask.
 * @param {string} dir
 */
function makeSearchable(dir) {
  const missing = [];
  for (let current = dir; !fs.existsSync(current); current = path.dirname(current))
    missing.unshift(current);
  for (const folder of missing) {
    fs.mkdirSync(folder);
    fs.chmodSync(folder, 0o755);
  }
}

/**
 * @param {object} options
 * @param {string} options.root the clone
 * @param {string} options.dataDir npm start's data folder
 * @param {boolean} options.explicit the data folder was chosen (BATON_DATA_DIR): keep it as it is
 * @param {boolean} [options.asRoot] defaults to whether this process runs as root
 * @param {(hash: string) => string[]} [options.homes] for tests: where a moved cluster may go
 * @returns {{ dir: string, moved: boolean }} the cluster's folder; moved when outside the data folder
 */
export function postgresDataDir(options) {
  const inDataDir = path.join(options.dataDir, 'postgres');
  const asRoot = options.asRoot ?? process.getuid?.() === 0;
  if (!asRoot || options.explicit || reachableByOthers(inDataDir))
    return { dir: inDataDir, moved: false };
  const hash = createHash('sha256').update(path.resolve(options.root)).digest('hex').slice(0, 12);
  for (const home of (options.homes ?? sharedHomes)(hash)) {
    try {
      makeSearchable(home);
      if (reachableByOthers(home)) return { dir: path.join(home, 'postgres'), moved: true };
    } catch {
      // read-only or not ours: try the next
    }
  }
  // None could be made: stay in the clone, where postgres.mjs explains what to change.
  return { dir: inDataDir, moved: false };
}
