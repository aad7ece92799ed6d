import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnChild } from './process-group.mjs';
import { type GiveUp, type RestartPolicy, Supervisor, type SupervisedPart } from './supervisor.mjs';

// Real child processes: a tiny node script that crashes on a schedule (crashing-child.fixture.mjs).
const fixture = path.join(__dirname, 'crashing-child.fixture.mjs');

interface Start {
  at: number;
  pid: number;
  grandchild: number;
}

// eslint-disable-next-line no-control-regex -- the escape is what paint() writes
const ansiColour = /\u001b\[\d+m/g;

/** Polls `check` until it stops throwing (or times out with its last failure). */
async function expectEventually(check: () => void, { timeoutMs = 10_000 } = {}): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return check();
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
}

let dir: string;
let parts: SupervisedPart[];
let lines: string[];

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'baton-supervisor-'));
  parts = [];
  lines = [];
  // warn() and note() print here: the supervisor's log lines are part of what is tested.
  const record = (...args: unknown[]) => void lines.push(args.join(' ').replace(ansiColour, ''));
  jest.spyOn(console, 'error').mockImplementation(record);
  jest.spyOn(console, 'log').mockImplementation(record);
});

afterEach(async () => {
  await Promise.all(parts.map((part) => part.stop()));
  jest.restoreAllMocks();
  fs.rmSync(dir, { recursive: true, force: true });
});

function startsOf(name: string): Start[] {
  const file = path.join(dir, `${name}.starts`);
  if (!fs.existsSync(file)) return [];
  return fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => {
      const [at, pid, grandchild] = line.split(' ').map(Number);
      return { at, pid, grandchild };
    });
}

/** Running, and not a zombie waiting for whoever adopted it. */
function alive(pid: number): boolean {
  try {
    return !/^\d+ \(.*\) Z/.test(fs.readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return false;
  }
}

const launcher =
  (name: string, env: Record<string, string> = {}) =>
  async () =>
    spawnChild(name, process.execPath, [fixture], {
      env: { ...process.env, STARTS_FILE: path.join(dir, `${name}.starts`), ...env },
    });

function supervisor(policy: Partial<RestartPolicy>, onGiveUp?: (giveUp: GiveUp) => void) {
  const base: RestartPolicy = {
    initialDelayMs: 200,
    maxDelayMs: 5000,
    healthyAfterMs: 60_000,
    giveUpAfter: 5,
  };
  return new Supervisor({ policy: { ...base, ...policy }, onGiveUp });
}

async function start(s: Supervisor, name: string, env?: Record<string, string>) {
  const part = await s.start(name, launcher(name, env));
  parts.push(part);
  return part;
}

it('restarts a crashed child after pauses that double, while the others stay up', async () => {
  const s = supervisor({ initialDelayMs: 200 });
  const flaky = await start(s, 'flaky', { CRASHES: '3' }); // dies on its first three starts
  const steady = await start(s, 'steady');
  await expectEventually(() => expect(startsOf('steady')).toHaveLength(1));

  await expectEventually(() => expect(startsOf('flaky')).toHaveLength(4), { timeoutMs: 20_000 });
  const starts = startsOf('flaky');
  const gaps = starts.slice(1).map((next, i) => next.at - starts[i].at);
  // Each gap is the crash (50 ms after start) plus the pause: 200, 400, 800 ms.
  expect(gaps[0]).toBeGreaterThanOrEqual(200);
  expect(gaps[1]).toBeGreaterThanOrEqual(400);
  expect(gaps[2]).toBeGreaterThanOrEqual(800);
  expect(gaps[2]).toBeGreaterThan(gaps[0]);
  expect(flaky.restarts).toBe(3);
  expect(flaky.pid).toBe(starts[3].pid);
  // One clear line per crash: which part, how it ended, when the next try is.
  const crashLines = lines.filter((line) => line.includes('[flaky] exit code 3'));
  expect(crashLines).toHaveLength(3);
  expect(crashLines[0]).toMatch(/restarting in 0\.2s at .*\(crash 1 of 5 in a row/);
  expect(crashLines[1]).toMatch(/restarting in 0\.4s .*\(crash 2 of 5 in a row/);
  expect(crashLines[2]).toMatch(/restarting in 0\.8s .*\(crash 3 of 5 in a row/);
  // A crashed instance leaves nothing behind.
  for (const dead of starts.slice(0, 3)) {
    await expectEventually(() =>
      expect([alive(dead.pid), alive(dead.grandchild)]).toEqual([false, false]),
    );
  }

  // The other part was never touched.
  expect(startsOf('steady')).toHaveLength(1);
  expect(steady.restarts).toBe(0);
  expect(alive(startsOf('steady')[0].pid)).toBe(true);

  // SIGKILL (as an OOM kill would) is a crash like any other; the first part stays up.
  const before = startsOf('steady')[0];
  process.kill(before.pid, 'SIGKILL');
  await expectEventually(() => expect(startsOf('steady')).toHaveLength(2), { timeoutMs: 10_000 });
  expect(
    lines.some((line) => /\[steady\] killed by SIGKILL after .*; restarting in 0\.2s/.test(line)),
  ).toBe(true);
  expect(alive(before.grandchild)).toBe(false);
  expect(startsOf('flaky')).toHaveLength(4);
  expect(alive(startsOf('flaky')[3].pid)).toBe(true);
});

it('gives up on a child that keeps crashing right away, with one message', async () => {
  const gaveUp: GiveUp[] = [];
  const s = supervisor({ initialDelayMs: 100, giveUpAfter: 3 }, (g) => gaveUp.push(g));
  const loop = await start(s, 'loop', { CRASHES: 'always' });

  await expectEventually(() => expect(gaveUp).toHaveLength(1), { timeoutMs: 20_000 });
  expect(gaveUp[0]).toMatchObject({ name: 'loop', crashes: 3, last: 'exit code 3' });
  expect(gaveUp[0].message.replace(ansiColour, '')).toMatch(
    /\[loop\] exit code 3 after [\d.]+s: it crashed 3 times in a row, each within 60s of starting; giving up/,
  );
  // Two restarts, then no more.
  await new Promise((resolve) => setTimeout(resolve, 1000));
  const starts = startsOf('loop');
  expect(starts).toHaveLength(3);
  expect(loop.restarts).toBe(2);
  for (const { pid, grandchild } of starts) {
    await expectEventually(() => expect([alive(pid), alive(grandchild)]).toEqual([false, false]));
  }
});

it('keeps restarting a child that stays up a while before each crash, at the first pause', async () => {
  const gaveUp: GiveUp[] = [];
  // Up 400 ms each time, healthy after 300 ms: every crash starts a new streak.
  const s = supervisor({ initialDelayMs: 100, healthyAfterMs: 300, giveUpAfter: 2 }, (g) =>
    gaveUp.push(g),
  );
  await start(s, 'slow', { CRASHES: 'always', CRASH_AFTER_MS: '400' });

  await expectEventually(() => expect(startsOf('slow')).toHaveLength(4), { timeoutMs: 20_000 });
  expect(gaveUp).toEqual([]);
  const crashLines = lines.filter((line) => line.includes('[slow] exit code 3'));
  expect(crashLines.length).toBeGreaterThanOrEqual(3);
  for (const line of crashLines)
    expect(line).toMatch(/restarting in 0\.1s .*\(crash 1 of 2 in a row/);
});

it('stops a child, its process group and any restart still pending, leaving nothing running', async () => {
  const s = supervisor({ initialDelayMs: 1000 });
  const steady = await start(s, 'steady');
  const pending = await start(s, 'pending', { CRASHES: '1' }); // crashes once, then waits 1 s
  await expectEventually(() => expect(startsOf('steady')).toHaveLength(1));
  await expectEventually(() =>
    expect(lines.some((line) => line.includes('[pending] exit code 3'))).toBe(true),
  );

  await Promise.all([steady.stop(), pending.stop()]);

  const [running] = startsOf('steady');
  expect([alive(running.pid), alive(running.grandchild)]).toEqual([false, false]);
  await new Promise((resolve) => setTimeout(resolve, 1500));
  expect(startsOf('pending')).toHaveLength(1); // the restart was cancelled
  for (const { pid, grandchild } of startsOf('pending')) {
    expect([alive(pid), alive(grandchild)]).toEqual([false, false]);
  }
  // A stop is not a crash: no restart line for the part that was running.
  expect(lines.some((line) => line.includes('[steady]'))).toBe(false);
});
