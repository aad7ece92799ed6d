// @ts-check
// Child processes of the stack: each in its own process group (so stopping it stops everything it
// started), output forwarded with a coloured `[name]` prefix or sent to a log file, and every
// one of them stopped on Ctrl-C, SIGTERM, a failure, or an unexpected exit of the parent.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import { StringDecoder } from 'node:string_decoder';
import { UserError, fail, paint, warn } from './log.mjs';

/** @typedef {{ code: number | null, signal: NodeJS.Signals | null }} ExitInfo */
/** @typedef {'prefix' | 'raw' | { file: string }} OutputMode */
/**
 * @typedef {object} SpawnOptions
 * @property {string} [cwd]
 * @property {NodeJS.ProcessEnv} [env]
 * @property {OutputMode} [output] `prefix` (default): `[name] line`; `raw`: lines as they are; `{ file }`: appended to a log file
 * @property {(line: string, stream: 'stdout' | 'stderr') => void} [onLine] sees every line (not with `{ file }`)
 * @property {(line: string, stream: 'stdout' | 'stderr') => boolean} [filter] return false to not print a line
 * @property {NodeJS.Signals} [stopSignal] first signal sent by stop(); SIGTERM unless set
 * @property {number} [uid]
 * @property {number} [gid]
 */

const colors = /** @type {const} */ (['cyan', 'magenta', 'blue', 'green', 'yellow']);
/** A child keeps its colour when it is started again (supervisor restarts). */
/** @type {Map<string, (typeof colors)[number]>} */
const colorByName = new Map();
/** @param {string} name */
const colorFor = (name) => {
  if (!colorByName.has(name)) colorByName.set(name, colors[colorByName.size % colors.length]);
  return /** @type {(typeof colors)[number]} */ (colorByName.get(name));
};

/**
 * util-linux's setpriv, to give each child a parent-death signal: if this process is killed
 * outright (SIGKILL, OOM), its children are signalled by the kernel instead of running on.
 */
const setpriv =
  process.platform === 'linux' && fs.existsSync('/usr/bin/setpriv') ? '/usr/bin/setpriv' : null;

/**
 * Whether `command` names an executable (a path, or a name found on PATH): when it does not, it
 * is spawned bare so that spawn's ENOENT error names it.
 * @param {string} command
 * @param {NodeJS.ProcessEnv} env
 */
function isRunnable(command, env) {
  const candidates = command.includes('/')
    ? [command]
    : (env.PATH ?? '')
        .split(':')
        .filter(Boolean)
        .map((dir) => `${dir}/${command}`);
  return candidates.some((file) => {
    try {
      fs.accessSync(file, fs.constants.X_OK);
      return true;
    } catch {
      return false;
    }
  });
}

/** Process-group ids of children that may still be running. */
const liveGroups = new Set();

// Last line of defence: whatever way this process exits (an error, process.exit), take every
// child group with it. Synchronous, as 'exit' handlers must be.
process.on('exit', () => {
  for (const pid of liveGroups) signalGroup(pid, 'SIGKILL');
});

/**
 * @param {number} pid
 * @param {NodeJS.Signals} signal
 */
function signalGroup(pid, signal) {
  try {
    process.kill(-pid, signal);
  } catch {
    try {
      process.kill(pid, signal);
    } catch {
      /* already gone */
    }
  }
}

/**
 * Whether the group has a member that is not a zombie. An exited grandchild stays a zombie until
 * whoever adopted it reaps it, which some container inits do only every second or two: counted
 * as alive, it would hold up every stop and restart.
 * @param {number} pid
 */
function groupAlive(pid) {
  try {
    process.kill(-pid, 0);
  } catch {
    return false;
  }
  if (process.platform !== 'linux') return true;
  try {
    return fs.readdirSync('/proc').some((entry) => {
      if (!/^\d+$/.test(entry)) return false;
      let stat;
      try {
        stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
      } catch {
        return false; // gone meanwhile
      }
      // pid (comm) state ppid pgrp …: comm may hold spaces and parentheses.
      const [state, , pgrp] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      return Number(pgrp) === pid && state !== 'Z' && state !== 'X';
    });
  } catch {
    return true;
  }
}

/** One running child (and whatever it starts, in its process group). */
export class Child {
  /**
   * @param {string} name
   * @param {import('node:child_process').ChildProcess} proc
   * @param {Promise<ExitInfo>} exited
   * @param {NodeJS.Signals} stopSignal
   */
  constructor(name, proc, exited, stopSignal) {
    this.name = name;
    this.proc = proc;
    this.exited = exited;
    this.stopSignal = stopSignal;
    /** @type {ExitInfo | null} */
    this.exitInfo = null;
    void exited.then((info) => (this.exitInfo = info));
  }

  get pid() {
    return /** @type {number} */ (this.proc.pid);
  }

  /**
   * Stop signal to the whole group, then SIGKILL after `timeoutMs`; resolves once it has exited.
   * @param {number} [timeoutMs]
   */
  async stop(timeoutMs = 10_000) {
    if (!liveGroups.has(this.pid)) return this.exited;
    signalGroup(this.pid, this.stopSignal);
    /** @type {NodeJS.Timeout | undefined} */
    let timer;
    const timedOut = new Promise(
      (resolve) => (timer = setTimeout(() => resolve('timeout'), timeoutMs)),
    );
    const result = await Promise.race([this.exited, timedOut]);
    clearTimeout(timer);
    if (result === 'timeout') {
      warn(`${this.name} did not stop within ${timeoutMs / 1000}s; killing it`);
      signalGroup(this.pid, 'SIGKILL');
    }
    const info = await this.exited;
    await reapGroup(this.pid);
    return info;
  }
}

/**
 * After a child has exited, stop whatever it left behind in its group.
 * @param {number} pid
 */
async function reapGroup(pid) {
  if (groupAlive(pid)) {
    signalGroup(pid, 'SIGTERM');
    for (let i = 0; i < 20 && groupAlive(pid); i++) await new Promise((r) => setTimeout(r, 100));
    if (groupAlive(pid)) signalGroup(pid, 'SIGKILL');
  }
  liveGroups.delete(pid);
}

/**
 * @param {import('node:stream').Readable} stream
 * @param {(line: string) => void} onLine
 */
function splitLines(stream, onLine) {
  const decoder = new StringDecoder('utf8');
  let pending = '';
  stream.on('data', (chunk) => {
    pending += decoder.write(chunk);
    const lines = pending.split('\n');
    pending = /** @type {string} */ (lines.pop());
    for (const line of lines) onLine(line.replace(/\r$/, ''));
  });
  stream.on('end', () => {
    pending += decoder.end();
    if (pending) onLine(pending);
    pending = '';
  });
}

/**
 * Starts `command` in a new process group. Its stdin is closed.
 * @param {string} name
 * @param {string} command
 * @param {string[]} args
 * @param {SpawnOptions} [options]
 * @returns {Child}
 */
export function spawnChild(name, command, args, options = {}) {
  const output = options.output ?? 'prefix';
  /** @type {number | undefined} */
  let logFd;
  if (typeof output === 'object') logFd = fs.openSync(output.file, 'a');
  const stopSignal = options.stopSignal ?? 'SIGTERM';
  const [file, argv] =
    setpriv && isRunnable(command, options.env ?? process.env)
      ? [setpriv, ['--pdeathsig', stopSignal.replace(/^SIG/, ''), '--', command, ...args]]
      : [command, args];
  const proc = spawn(file, argv, {
    cwd: options.cwd,
    env: options.env ?? process.env,
    detached: true,
    stdio: ['ignore', logFd ?? 'pipe', logFd ?? 'pipe'],
    uid: options.uid,
    gid: options.gid,
  });
  if (logFd !== undefined) fs.closeSync(logFd);

  const prefix = paint(colorFor(name), `[${name}]`) + ' ';
  /** @param {'stdout' | 'stderr'} which */
  const forward = (which) => (/** @type {string} */ line) => {
    options.onLine?.(line, which);
    if (options.filter && !options.filter(line, which)) return;
    const target = which === 'stdout' ? process.stdout : process.stderr;
    target.write(output === 'raw' ? `${line}\n` : `${prefix}${line}\n`);
  };
  if (proc.stdout) splitLines(proc.stdout, forward('stdout'));
  if (proc.stderr) splitLines(proc.stderr, forward('stderr'));

  /** @type {Promise<ExitInfo>} */
  const exited = new Promise((resolve) => {
    let done = false;
    /** @param {ExitInfo} info */
    const finish = (info) => {
      if (!done) {
        done = true;
        resolve(info);
      }
    };
    proc.once('error', (error) => {
      const code = /** @type {NodeJS.ErrnoException} */ (error).code;
      fail(
        `${name}: cannot run ${command}${code === 'ENOENT' ? ' (not found)' : `: ${error.message}`}`,
      );
      finish({ code: 127, signal: null });
    });
    proc.once('exit', (code, signal) => {
      // Give the pipes a moment to drain, but do not wait on grandchildren that keep them open.
      const timer = setTimeout(() => finish({ code, signal }), 2000);
      if (logFd !== undefined) finish({ code, signal });
      proc.once('close', () => {
        clearTimeout(timer);
        finish({ code, signal });
      });
    });
  });
  if (proc.pid !== undefined) {
    liveGroups.add(proc.pid);
    void exited.then(() => reapGroup(/** @type {number} */ (proc.pid)));
  }
  return new Child(name, proc, exited, stopSignal);
}

/**
 * A shell-style exit code: the code, or 128 + the signal's number.
 * @param {ExitInfo} info
 */
export function exitCode({ code, signal }) {
  return signal ? 128 + (os.constants.signals[signal] ?? 1) : (code ?? 1);
}

/** What a running stack is made of: stopped in the reverse order they were added. */
export class ProcessGroup {
  constructor() {
    /** @type {{ name: string, stop: () => Promise<unknown> }[]} */
    this.resources = [];
    this.stopping = false;
    /** @type {((child: Child, info: ExitInfo) => void) | null} */
    this.onUnexpectedExit = null;
  }

  /**
   * A long-running child: its exit before stopAll() is reported through onUnexpectedExit.
   * @param {string} name
   * @param {string} command
   * @param {string[]} args
   * @param {SpawnOptions} [options]
   */
  spawn(name, command, args, options) {
    const child = spawnChild(name, command, args, options);
    this.add(name, () => child.stop());
    void child.exited.then((info) => {
      if (!this.stopping) this.onUnexpectedExit?.(child, info);
    });
    return child;
  }

  /**
   * A command run to completion (stopped with the rest if the stack stops first); its exit code.
   * @param {string} name
   * @param {string} command
   * @param {string[]} args
   * @param {SpawnOptions} [options]
   */
  async run(name, command, args, options) {
    const child = spawnChild(name, command, args, options);
    const entry = { name, stop: () => child.stop() };
    this.resources.push(entry);
    const info = await child.exited;
    this.resources = this.resources.filter((resource) => resource !== entry);
    return exitCode(info);
  }

  /**
   * @param {string} name
   * @param {() => Promise<unknown>} stop
   */
  add(name, stop) {
    this.resources.push({ name, stop });
  }

  /** Stops everything, newest first; never throws. */
  async stopAll() {
    this.stopping = true;
    while (this.resources.length > 0) {
      const { name, stop } = /** @type {{ name: string, stop: () => Promise<unknown> }} */ (
        this.resources.pop()
      );
      try {
        await stop();
      } catch (error) {
        warn(
          `could not stop ${name} cleanly: ${error instanceof Error ? error.message : String(error)}`,
        );
      }
    }
  }
}

/**
 * Runs `main` with everything in `group` stopped afterwards: on success, on an error (a UserError
 * prints as one line; anything else with its stack), on Ctrl-C / SIGTERM / SIGHUP, and on an
 * uncaught error. A second Ctrl-C kills at once. Exits the process with main's code.
 * @param {ProcessGroup} group
 * @param {() => Promise<number>} main resolves to the exit code
 */
export function runMain(group, main) {
  /** @type {Promise<never> | null} */
  let shutdown = null;
  /** @param {number} code */
  const finish = (code) => {
    shutdown ??= (async () => {
      await group.stopAll();
      process.exit(code);
    })();
    return shutdown;
  };
  /** @param {unknown} error */
  const report = (error) => {
    if (group.stopping) return; // the stack is being taken down: follow-on errors are noise
    if (error instanceof UserError) fail(error.message);
    else console.error(error);
  };
  /** @param {NodeJS.Signals} signal */
  const onSignal = (signal) => {
    if (shutdown) {
      warn('stopping now');
      process.exit(130); // the 'exit' handler kills every child group
    }
    process.stderr.write(
      `\n${paint('yellow', `${signal}: stopping everything…`)} (again to force)\n`,
    );
    void finish(signal === 'SIGINT' ? 130 : 143);
  };
  for (const signal of /** @type {NodeJS.Signals[]} */ (['SIGINT', 'SIGTERM', 'SIGHUP']))
    process.on(signal, onSignal);
  process.on('uncaughtException', (error) => {
    report(error);
    void finish(1);
  });
  process.on('unhandledRejection', (error) => {
    report(error);
    void finish(1);
  });
  main().then(
    (code) => finish(code),
    (error) => {
      report(error);
      return finish(1);
    },
  );
}
