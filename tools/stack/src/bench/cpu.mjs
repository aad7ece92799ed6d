// @ts-check
// CPU time used by process groups (Linux /proc), to tell where a benchmark phase spent the
// machine: the API vs PostgreSQL vs Temporal vs the load generator vs everything else running.
// Builtins only. Off Linux every figure is null.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';

const ticksPerSecond = (() => {
  try {
    return Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
  } catch {
    return 100;
  }
})();

/**
 * The fields of /proc/<pid>/stat after the command name (which may hold spaces and parentheses).
 * @param {string} pid
 */
function statFields(pid) {
  try {
    const text = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    return text.slice(text.lastIndexOf(')') + 2).split(' ');
  } catch {
    return null; // gone meanwhile
  }
}

/** @returns {string[]} */
function allPids() {
  try {
    return fs.readdirSync('/proc').filter((name) => /^\d+$/.test(name));
  } catch {
    return [];
  }
}

/**
 * CPU seconds (user + system, plus reaped children) summed per group: a process counts for a
 * group when its process group is that id or when one of its ancestors counts (PostgreSQL's
 * backends call setsid(), so they leave the postmaster's process group but stay its children).
 * @param {number[]} pgids
 * @returns {Map<number, number>}
 */
export function groupCpuSeconds(pgids) {
  const wanted = new Set(pgids);
  /** @type {Map<number, { ppid: number, pgrp: number, seconds: number }>} */
  const procs = new Map();
  for (const pid of allPids()) {
    const f = statFields(pid);
    if (!f) continue;
    // after the name: 0 state, 1 ppid, 2 pgrp, … 11 utime, 12 stime, 13 cutime, 14 cstime
    const ticks = Number(f[11]) + Number(f[12]) + Number(f[13]) + Number(f[14]);
    procs.set(Number(pid), {
      ppid: Number(f[1]),
      pgrp: Number(f[2]),
      seconds: ticks / ticksPerSecond,
    });
  }
  /** @type {Map<number, number | null>} pid → the wanted group it counts for */
  const owner = new Map();
  /** @param {number} pid @returns {number | null} */
  const ownerOf = (pid) => {
    if (owner.has(pid)) return /** @type {number | null} */ (owner.get(pid));
    const proc = procs.get(pid);
    owner.set(pid, null); // guards against cycles while walking up
    const found = !proc
      ? null
      : wanted.has(proc.pgrp)
        ? proc.pgrp
        : wanted.has(pid)
          ? pid
          : proc.ppid > 1
            ? ownerOf(proc.ppid)
            : null;
    owner.set(pid, found);
    return found;
  };
  /** @type {Map<number, number>} */
  const sums = new Map(pgids.map((id) => [id, 0]));
  for (const [pid, proc] of procs) {
    const id = ownerOf(pid);
    if (id !== null) sums.set(id, (sums.get(id) ?? 0) + proc.seconds);
  }
  return sums;
}

/** Busy and total CPU seconds of the whole machine since boot (all cores), or null. */
export function machineCpuSeconds() {
  try {
    const line = fs.readFileSync('/proc/stat', 'utf8').split('\n')[0];
    const v = line.trim().split(/\s+/).slice(1).map(Number);
    // user nice system idle iowait irq softirq steal (guest is already in user)
    const idle = v[3] + (v[4] ?? 0);
    const total = v.slice(0, 8).reduce((a, b) => a + (b || 0), 0);
    return { busy: (total - idle) / ticksPerSecond, total: total / ticksPerSecond };
  } catch {
    return null;
  }
}

/**
 * The process group of the first process whose command line contains `needle` (e.g. a temp dir
 * path only one child was given), or null.
 * @param {string} needle
 */
export function findGroupByCommandLine(needle) {
  for (const pid of allPids()) {
    let command;
    try {
      command = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8');
    } catch {
      continue;
    }
    if (!command.includes(needle)) continue;
    const f = statFields(pid);
    if (f) return Number(f[2]);
  }
  return null;
}

/**
 * Measures CPU seconds per named group over a stretch of time.
 * @param {Record<string, number | null>} groups name → process-group id (null: not known)
 */
export function cpuMeter(groups) {
  const ids = /** @type {number[]} */ (Object.values(groups).filter((id) => id !== null));
  const snapshot = () => ({
    groups: groupCpuSeconds(ids),
    self: process.cpuUsage(),
    machine: machineCpuSeconds(),
    at: process.hrtime.bigint(),
  });
  const before = snapshot();
  return {
    /** CPU seconds per group since the meter started, plus `bench` (this process) and the machine. */
    stop() {
      const after = snapshot();
      const wall = Number(after.at - before.at) / 1e9;
      /** @type {Record<string, number | null>} */
      const used = {};
      for (const [name, id] of Object.entries(groups)) {
        used[name] =
          id === null ? null : round((after.groups.get(id) ?? 0) - (before.groups.get(id) ?? 0), 2);
      }
      used.bench = round(
        (after.self.user - before.self.user + after.self.system - before.self.system) / 1e6,
        2,
      );
      let machineBusy = null;
      let others = null;
      if (before.machine && after.machine) {
        machineBusy = round(after.machine.busy - before.machine.busy, 2);
        const ours = Object.values(used).reduce((a, b) => (a ?? 0) + (b ?? 0), 0) ?? 0;
        others = round(Math.max(0, machineBusy - ours), 2);
      }
      return { wallSeconds: round(wall, 2), cpuSeconds: used, machineBusy, others };
    },
  };
}

/**
 * @param {number} value
 * @param {number} digits
 */
function round(value, digits) {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}
