// @ts-check
// The intake benchmark's verdicts and its table. Builtins only.
import { paint } from '../log.mjs';

export const AIMS = {
  /** p99 latency at the fixed rate, in ms. */
  p99Ms: 25,
  /** The fixed rate the p99 aim is measured at. */
  rate: 300,
  /** API throughput as a share of the baseline's. */
  throughputRatio: 0.5,
};

/**
 * @typedef {import('./load.mjs').LoadResult} LoadResult
 * @typedef {{ stored: number, extra: number, idsAnswered: number, idsFound: number, ok: boolean, problem: string | null }} LeadCheck
 * @typedef {{ load: LoadResult, leads: LeadCheck, cpu: ReturnType<ReturnType<typeof import('./cpu.mjs').cpuMeter>['stop']>, dispatcher?: { drainedMs: number | null, pendingAfter: number } , apiLogLines?: number }} Phase
 * @typedef {{ warmup: Phase, rate: Phase, max: Phase }} ServerRun
 */

/**
 * @param {ServerRun} baseline
 * @param {ServerRun} api
 */
export function verdicts(baseline, api) {
  const ratio =
    baseline.max.load.requestsPerSecond > 0
      ? api.max.load.requestsPerSecond / baseline.max.load.requestsPerSecond
      : NaN;
  const apiP99 = api.rate.load.latencyMs?.p99 ?? Infinity;
  return {
    throughputRatio: Math.round(ratio * 1000) / 1000,
    p99Aim: {
      aim: `API p99 under ${AIMS.p99Ms} ms at ${AIMS.rate} requests/s`,
      value: apiP99,
      pass: apiP99 < AIMS.p99Ms,
    },
    throughputAim: {
      aim: `API at least ${AIMS.throughputRatio * 100}% of the baseline's throughput`,
      value: Math.round(ratio * 1000) / 1000,
      pass: ratio >= AIMS.throughputRatio,
    },
  };
}

/**
 * Request failures and lost leads across every phase (each is an exit failure).
 * @param {Record<string, ServerRun>} servers
 */
export function failures(servers) {
  /** @type {string[]} */
  const found = [];
  for (const [name, run] of Object.entries(servers)) {
    for (const [phase, { load, leads }] of Object.entries(run)) {
      const bad = load.non2xx + load.errors;
      if (bad > 0) {
        const codes = Object.entries(load.statusCodes)
          .filter(([code]) => !code.startsWith('2'))
          .map(([code, n]) => `${n}× ${code}`);
        const errs = load.errors ? [`${load.errors} errors (${load.timeouts} timeouts)`] : [];
        found.push(`${name} ${phase}: ${[...codes, ...errs].join(', ')}`);
      }
      if (!leads.ok) found.push(`${name} ${phase}: ${leads.problem}`);
    }
  }
  return found;
}

/**
 * @param {number | null | undefined} n
 * @param {number} [digits]
 */
const num = (n, digits = 1) =>
  n === null || n === undefined || Number.isNaN(n) ? '–' : n.toFixed(digits);

/** @param {boolean} pass */
const mark = (pass) => (pass ? paint('green', 'PASS') : paint('yellow', 'MISS'));

/**
 * The table printed at the end.
 * @param {ServerRun} baseline
 * @param {ServerRun} api
 * @param {ReturnType<typeof verdicts>} v
 */
export function formatTable(baseline, api, v) {
  const w = [36, 12, 12];
  /** @param {string[]} cells */
  const row = (...cells) =>
    cells
      .map((c, i) => (i < w.length ? c.padEnd(w[i]) : c))
      .join('')
      .trimEnd();
  const bad = (/** @type {ServerRun} */ r) =>
    String(Object.values(r).reduce((sum, p) => sum + p.load.non2xx + p.load.errors, 0));
  const leadsOk = (/** @type {ServerRun} */ r) =>
    Object.values(r).every((p) => p.leads.ok) ? 'yes' : paint('red', 'NO');
  const lat = (/** @type {ServerRun} */ r, /** @type {'p50'|'p99'|'p99_9'} */ k) =>
    num(r.rate.load.latencyMs?.[k], 2);
  return [
    paint('bold', row('', 'baseline', 'API', 'aim')),
    row(
      'max throughput (req/s, 20 conn.)',
      num(baseline.max.load.requestsPerSecond, 0),
      num(api.max.load.requestsPerSecond, 0),
    ),
    row(
      `achieved rate (aimed ${AIMS.rate} req/s)`,
      num(baseline.rate.load.requestsPerSecond, 0),
      num(api.rate.load.requestsPerSecond, 0),
    ),
    row(`p50 at ${AIMS.rate} req/s (ms)`, lat(baseline, 'p50'), lat(api, 'p50')),
    row(
      `p99 at ${AIMS.rate} req/s (ms)`,
      lat(baseline, 'p99'),
      lat(api, 'p99'),
      `< ${AIMS.p99Ms} ms  ${mark(v.p99Aim.pass)}`,
    ),
    row(`p99.9 at ${AIMS.rate} req/s (ms)`, lat(baseline, 'p99_9'), lat(api, 'p99_9')),
    row('non-2xx + errors (all phases)', bad(baseline), bad(api)),
    row(
      'server CPU per lead, max run (ms)',
      num(cpuPerLead(baseline, 'baseline'), 2),
      num(cpuPerLead(api, 'api'), 2),
    ),
    row(
      'PostgreSQL CPU per lead, max (ms)',
      num(cpuPerLead(baseline, 'postgres'), 2),
      num(cpuPerLead(api, 'postgres'), 2),
    ),
    row('leads stored = 2xx answers', leadsOk(baseline), leadsOk(api)),
    row(
      'API/baseline throughput',
      '',
      num(v.throughputRatio, 2),
      `≥ ${AIMS.throughputRatio}     ${mark(v.throughputAim.pass)}`,
    ),
  ].join('\n');
}

/**
 * CPU milliseconds a process group spent per lead answered in the max-throughput run.
 * @param {ServerRun} run
 * @param {string} name
 */
export function cpuPerLead(run, name) {
  const seconds = run.max.cpu.cpuSeconds[name];
  const ok = run.max.load.ok2xx;
  return seconds === null || seconds === undefined || ok === 0 ? null : (seconds * 1000) / ok;
}

/**
 * CPU seconds per process during the max-throughput phases (where the time went).
 * @param {ServerRun} baseline
 * @param {ServerRun} api
 * @param {number} cores
 */
export function formatCpu(baseline, api, cores) {
  /** @param {string} name @param {Phase} p */
  const line = (name, p) => {
    const c = p.cpu.cpuSeconds;
    const parts = Object.entries(c)
      .filter(([, s]) => s !== null)
      .map(([k, s]) => `${k} ${num(s, 1)}`);
    if (p.cpu.others !== null) parts.push(`other processes ${num(p.cpu.others, 1)}`);
    return `  ${name.padEnd(9)} ${parts.join(', ')} (CPU-s; ${cores} cores × ${num(p.cpu.wallSeconds, 1)} s = ${num(cores * p.cpu.wallSeconds, 0)})`;
  };
  return [line('baseline', baseline.max), line('API', api.max)].join('\n');
}
