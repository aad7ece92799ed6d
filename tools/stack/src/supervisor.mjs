// @ts-check
// Keeps the long-running parts of `npm start` up: a part that exits on its own is started again
// after a pause that doubles with each crash in a row (1 s, 2 s, 4 s … 30 s), while the others
// keep running. A crash counts towards the streak when the part ran less than a minute; one
// that ran longer starts a new streak at 1 s. Five crashes in a row and it is given up on, so a
// broken setup ends with a message instead of looping for ever.
import { note, paint, warn } from './log.mjs';

/** @typedef {import('./process-group.mjs').ExitInfo} ExitInfo */
/**
 * One live instance of a supervised part.
 * @typedef {object} Running
 * @property {Promise<ExitInfo>} exited resolves when it has exited (never, for a part not run here)
 * @property {() => Promise<unknown>} stop stops it (also cleans up after an instance that exited)
 * @property {number} [pid]
 */
/**
 * @typedef {object} RestartPolicy
 * @property {number} initialDelayMs pause before the first restart
 * @property {number} maxDelayMs the doubling stops here
 * @property {number} healthyAfterMs up at least this long: its crash starts a new streak
 * @property {number} giveUpAfter this many crashes in a row (each up less than healthyAfterMs): stop restarting
 */
/**
 * Why a part was given up on.
 * @typedef {object} GiveUp
 * @property {string} name
 * @property {number} crashes
 * @property {string} last how the last instance ended
 * @property {string} message one line for the user
 */

/** @type {RestartPolicy} */
export const defaultRestartPolicy = {
  initialDelayMs: 1000,
  maxDelayMs: 30_000,
  healthyAfterMs: 60_000,
  giveUpAfter: 5,
};

/** @param {number} ms */
const seconds = (ms) => `${Number((ms / 1000).toFixed(ms < 1000 ? 1 : 0))}s`;

/**
 * How an instance ended, in a few words.
 * @param {ExitInfo | Error} end
 */
export function describeEnd(end) {
  if (end instanceof Error) return `failed to start: ${end.message.split('\n')[0]}`;
  return end.signal ? `killed by ${end.signal}` : `exit code ${end.code}`;
}

/**
 * Pause before restart number `streak` (1 for the first crash of a streak).
 * @param {RestartPolicy} policy
 * @param {number} streak
 */
export function restartDelay(policy, streak) {
  return Math.min(policy.initialDelayMs * 2 ** (streak - 1), policy.maxDelayMs);
}

/** One supervised part: its current instance and its crash streak. */
export class SupervisedPart {
  /**
   * @param {string} name
   * @param {() => Promise<Running>} launch
   * @param {Supervisor} supervisor
   */
  constructor(name, launch, supervisor) {
    this.name = name;
    this.launch = launch;
    this.supervisor = supervisor;
    /** @type {Running | null} */
    this.current = null;
    /** How many times an instance has been started again. */
    this.restarts = 0;
    this.stopped = false;
    /** Crashes in a row, each after less than healthyAfterMs. */
    this.streak = 0;
    /** @type {NodeJS.Timeout | null} */
    this.timer = null;
    /** @type {Promise<unknown> | null} the launch under way, if any */
    this.launching = null;
    /** Settles when the pending restart is cancelled by stop(). */
    /** @type {(() => void) | null} */
    this.cancelWait = null;
  }

  /** pid of the current instance, when it has one. */
  get pid() {
    return this.current?.pid;
  }

  /** @param {Running} running */
  watch(running) {
    const startedAt = Date.now();
    this.current = running;
    void running.exited.then((info) => {
      if (this.current !== running || this.stopped || this.supervisor.stopping()) return;
      void this.crashed(info, Date.now() - startedAt);
    });
  }

  /**
   * @param {ExitInfo | Error} end
   * @param {number} uptimeMs
   */
  async crashed(end, uptimeMs) {
    const policy = this.supervisor.policy;
    const now = Date.now();
    this.streak = uptimeMs >= policy.healthyAfterMs ? 1 : this.streak + 1;
    const streak = this.streak;
    const prefix = paint('bold', `[${this.name}]`);
    if (streak >= policy.giveUpAfter) {
      const message = `${prefix} ${describeEnd(end)} after ${seconds(uptimeMs)}: it crashed ${streak} times in a row, each within ${seconds(policy.healthyAfterMs)} of starting; giving up`;
      this.stopped = true;
      await this.current?.stop().catch(() => {});
      this.supervisor.onGiveUp({
        name: this.name,
        crashes: streak,
        last: describeEnd(end),
        message,
      });
      return;
    }
    const delay = restartDelay(policy, streak);
    warn(
      `${prefix} ${describeEnd(end)} after ${seconds(uptimeMs)}; restarting in ${seconds(delay)} at ${new Date(now + delay).toLocaleTimeString()} (crash ${streak} of ${policy.giveUpAfter} in a row before giving up)`,
    );
    // Whatever the dead instance left behind (its process group) goes before the next one starts.
    await this.current?.stop().catch(() => {});
    if (this.stopped || this.supervisor.stopping()) return;
    const waited = await new Promise((resolve) => {
      this.cancelWait = () => resolve(false);
      this.timer = setTimeout(() => resolve(true), delay);
    });
    this.timer = null;
    this.cancelWait = null;
    if (!waited || this.stopped || this.supervisor.stopping()) return;
    this.restarts++;
    const attempt = this.launch().then(
      (running) => {
        if (this.stopped || this.supervisor.stopping()) return running.stop();
        this.watch(running);
        this.supervisor.onRestart(this);
      },
      (/** @type {unknown} */ error) => {
        if (this.stopped || this.supervisor.stopping()) return;
        this.current = null;
        void this.crashed(error instanceof Error ? error : new Error(String(error)), 0);
      },
    );
    this.launching = attempt;
    await attempt;
    if (this.launching === attempt) this.launching = null;
  }

  /** Stops the current instance and any restart still to come; resolves once it has stopped. */
  async stop() {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.cancelWait?.();
    await this.launching;
    await this.current?.stop();
  }
}

export class Supervisor {
  /**
   * @param {object} [options]
   * @param {Partial<RestartPolicy>} [options.policy]
   * @param {(giveUp: GiveUp) => void} [options.onGiveUp] a part kept crashing (default: warn)
   * @param {(part: SupervisedPart) => void} [options.onRestart] a part is running again
   * @param {() => boolean} [options.stopping] true while the whole stack stops: no more restarts
   */
  constructor(options = {}) {
    this.policy = { ...defaultRestartPolicy, ...options.policy };
    this.onGiveUp = options.onGiveUp ?? ((giveUp) => warn(giveUp.message));
    this.onRestart =
      options.onRestart ??
      ((part) =>
        note(
          `[${part.name}] started again${part.pid ? ` (pid ${part.pid})` : ''}, restart ${part.restarts}`,
        ));
    this.stopping = options.stopping ?? (() => false);
  }

  /**
   * Launches a part and keeps it running. The first launch's failure is thrown (the stack cannot
   * start without it); later ones count as crashes.
   * @param {string} name
   * @param {() => Promise<Running>} launch
   */
  async start(name, launch) {
    const part = new SupervisedPart(name, launch, this);
    part.watch(await launch());
    return part;
  }
}
