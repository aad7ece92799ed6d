import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { postgresDataDir, reachableByOthers } from './data-dir.mjs';

let scratch: string;

beforeEach(() => {
  scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'baton-data-dir-'));
  fs.chmodSync(scratch, 0o755);
});
afterEach(() => fs.rmSync(scratch, { recursive: true, force: true }));

/** A clone inside a folder only its owner may enter, as /root/baton or mktemp -d. */
function privateClone(): string {
  const home = path.join(scratch, 'private');
  fs.mkdirSync(home, { mode: 0o700 });
  fs.chmodSync(home, 0o700);
  const clone = path.join(home, 'baton');
  fs.mkdirSync(clone);
  return clone;
}

const homesIn = (base: string) => (hash: string) => [path.join(base, 'lib', hash)];

it('keeps the cluster in the data folder when postgres can reach it, or when not root', () => {
  const open = path.join(scratch, 'open', 'baton');
  fs.mkdirSync(open, { recursive: true, mode: 0o755 });
  const data = path.join(open, '.data');
  expect(postgresDataDir({ root: open, dataDir: data, explicit: false, asRoot: true })).toEqual({
    dir: path.join(data, 'postgres'),
    moved: false,
  });
  const clone = privateClone();
  expect(
    postgresDataDir({
      root: clone,
      dataDir: path.join(clone, '.data'),
      explicit: false,
      asRoot: false,
    }),
  ).toEqual({ dir: path.join(clone, '.data', 'postgres'), moved: false });
});

it('as root in a private folder, moves the cluster to a folder of its own per clone, searchable by others', () => {
  const clone = privateClone();
  const data = path.join(clone, '.data');
  expect(reachableByOthers(path.join(data, 'postgres'))).toBe(false);

  const chosen = postgresDataDir({
    root: clone,
    dataDir: data,
    explicit: false,
    asRoot: true,
    homes: homesIn(scratch),
  });
  expect(chosen.moved).toBe(true);
  expect(chosen.dir).toMatch(new RegExp(`^${scratch}/lib/[0-9a-f]{12}/postgres$`));
  expect(reachableByOthers(chosen.dir)).toBe(true);
  // Created 755 whatever the umask, so the postgres user can walk down to its own folder.
  expect(fs.statSync(path.dirname(chosen.dir)).mode & 0o777).toBe(0o755);
  expect(fs.statSync(path.join(scratch, 'lib')).mode & 0o777).toBe(0o755);

  // Stable for a clone (the next start finds its data), distinct for another clone.
  const again = postgresDataDir({
    root: clone,
    dataDir: data,
    explicit: false,
    asRoot: true,
    homes: homesIn(scratch),
  });
  expect(again).toEqual(chosen);
  const other = path.join(path.dirname(clone), 'other');
  fs.mkdirSync(other);
  const otherChoice = postgresDataDir({
    root: other,
    dataDir: path.join(other, '.data'),
    explicit: false,
    asRoot: true,
    homes: homesIn(scratch),
  });
  expect(otherChoice.dir).not.toBe(chosen.dir);
});

it('tries the next folder when one cannot be made, and keeps a chosen data folder as it is', () => {
  const clone = privateClone();
  const data = path.join(clone, '.data');
  const file = path.join(scratch, 'a-file');
  fs.writeFileSync(file, '');
  const chosen = postgresDataDir({
    root: clone,
    dataDir: data,
    explicit: false,
    asRoot: true,
    homes: (hash) => [path.join(file, hash), path.join(scratch, `tmp-${hash}`)],
  });
  expect(chosen.dir).toMatch(new RegExp(`^${scratch}/tmp-[0-9a-f]{12}/postgres$`));

  // BATON_DATA_DIR: the user's choice stands (postgres.mjs says what to change if it is private).
  expect(
    postgresDataDir({
      root: clone,
      dataDir: data,
      explicit: true,
      asRoot: true,
      homes: homesIn(scratch),
    }),
  ).toEqual({ dir: path.join(data, 'postgres'), moved: false });
});
