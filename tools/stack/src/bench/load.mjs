// @ts-check
// One autocannon run against POST /api/v1/leads, with what the benchmark needs from it: latency
// percentiles at sub-millisecond resolution (autocannon's own histogram keeps whole milliseconds),
// the ids of the leads answered 202 (to check each was stored), and a live progress line on a TTY.
// Imports packages: load it only after ensureDependencies.
import { createRequire } from 'node:module';
import { paint } from '../log.mjs';

/** autocannon 9 (CommonJS, no type declarations). */
/** @type {any} */
const autocannon = createRequire(import.meta.url)('autocannon');

/**
 * @typedef {object} LoadResult
 * @property {string} tag the lead's `source.form`, to find its leads in the database
 * @property {number} durationSeconds as autocannon measured it
 * @property {number} connections
 * @property {number | null} overallRate
 * @property {number} sent requests sent
 * @property {number} ok2xx
 * @property {number} non2xx
 * @property {number} errors connection errors
 * @property {number} timeouts
 * @property {Record<string, number>} statusCodes
 * @property {number} requestsPerSecond 2xx answers per second
 * @property {{ p50: number, p90: number, p99: number, p99_9: number, max: number, mean: number } | null} latencyMs of 2xx answers
 * @property {string[]} ids lead ids from the 202 bodies
 */

/**
 * Nearest-rank percentile of an ascending array.
 * @param {Float64Array} sorted
 * @param {number} p 0-100
 */
function percentile(sorted, p) {
  if (sorted.length === 0) return NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1];
}

/** @param {number} ms */
const r2 = (ms) => Math.round(ms * 100) / 100;

/**
 * A realistic lead; `tag` goes into source.form so each run's leads can be counted.
 * @param {string} tag
 */
export function leadBody(tag) {
  return JSON.stringify({
    contact: {
      name: 'Ada Lovelace',
      email: 'ada@example.com',
      phone: '+44 20 7946 0000',
      company: 'Analytical Engines',
    },
    message: 'We need 40 seats before Q3, can someone call me today?',
    source: { form: tag, utm: { source: 'google', campaign: 'spring' } },
  });
}

/**
 * @param {object} options
 * @param {string} options.baseUrl http://127.0.0.1:port
 * @param {string} options.apiKey
 * @param {string} options.tag
 * @param {number} options.durationSeconds
 * @param {number} options.connections
 * @param {number} [options.overallRate] requests per second across all connections (autocannon's
 *   overallRate: each connection sends its share back to back at the start of every second)
 * @param {string} options.label for the progress line
 * @param {(stop: () => void) => void} [options.onStart] receives a way to stop the run early
 * @returns {Promise<LoadResult>}
 */
export async function runLoad(options) {
  /** @type {number[]} */
  const latencies = [];
  /** @type {string[]} */
  const ids = [];
  const instance = autocannon({
    url: options.baseUrl,
    connections: options.connections,
    duration: options.durationSeconds,
    // Percentiles come from the raw answers below; autocannon's coordinated-omission correction
    // assumes a 1 ms interval for paced runs, which would only add made-up samples.
    ...(options.overallRate
      ? { overallRate: options.overallRate, ignoreCoordinatedOmission: true }
      : {}),
    timeout: 10,
    requests: [
      {
        method: 'POST',
        path: '/api/v1/leads',
        headers: {
          'content-type': 'application/json',
          authorization: `Bearer ${options.apiKey}`,
        },
        body: leadBody(options.tag),
        onResponse: (/** @type {number} */ status, /** @type {string} */ body) => {
          if (status !== 202) return;
          const id = /"id"\s*:\s*"([0-9a-f-]{36})"/.exec(body)?.[1];
          if (id) ids.push(id);
        },
      },
    ],
  });
  options.onStart?.(() => instance.stop());
  instance.on(
    'response',
    (
      /** @type {unknown} */ _client,
      /** @type {number} */ status,
      /** @type {number} */ _bytes,
      /** @type {number} */ ms,
    ) => {
      if (status >= 200 && status < 300) latencies.push(ms);
    },
  );
  const tty = process.stdout.isTTY === true;
  let seconds = 0;
  let answered = 0;
  instance.on('tick', (/** @type {{ counter: number }} */ { counter }) => {
    if (!tty) return;
    seconds++;
    answered += counter;
    const line = `${options.label}: ${Math.min(seconds, options.durationSeconds)}/${options.durationSeconds} s, ${answered} answered`;
    process.stdout.write(`\r\u001b[2K  ${paint('gray', line)}`);
  });
  /** @type {any} */
  const result = await instance;
  if (tty) process.stdout.write('\r\u001b[2K');

  const sorted = Float64Array.from(latencies).sort();
  const mean = sorted.length ? sorted.reduce((a, b) => a + b, 0) / sorted.length : NaN;
  /** @type {Record<string, number>} */
  const statusCodes = {};
  for (const [code, { count }] of Object.entries(result.statusCodeStats ?? {}))
    statusCodes[code] = count;
  return {
    tag: options.tag,
    durationSeconds: result.duration,
    connections: options.connections,
    overallRate: options.overallRate ?? null,
    sent: result.requests.sent,
    ok2xx: result['2xx'],
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    statusCodes,
    requestsPerSecond: Math.round((result['2xx'] / result.duration) * 10) / 10,
    latencyMs: sorted.length
      ? {
          p50: r2(percentile(sorted, 50)),
          p90: r2(percentile(sorted, 90)),
          p99: r2(percentile(sorted, 99)),
          p99_9: r2(percentile(sorted, 99.9)),
          max: r2(sorted[sorted.length - 1]),
          mean: r2(mean),
        }
      : null,
    ids,
  };
}
