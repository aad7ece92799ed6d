// @ts-check
// `npm run test:chaos`: Baton's promise (nothing lost, nothing sent twice, nothing stuck without
// a visible reason) held against faults, with leads flowing.
//   dependencies → own PostgreSQL + Temporal dev server (temp dir, fixed free ports), SMTP sink,
//   Ollama double → migrate + seed → worker + API → the chaos flow published through the API →
//   a baseline handful of leads → each scenario: a burst of leads, the fault in the middle of it,
//   wait until every lead answered 202 is waiting for contact (bounded), audit → table →
//   "chaos: N passed, N failed" last; non-zero exit when a scenario failed.
// `npm run test:chaos -- smtp-down api-restart` runs only the scenarios named.
// Only builtins and the stack's builtins-only modules are imported statically (see start.mjs).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureDependencies } from '../../stack/src/ensure-dependencies.mjs';
import { UserError, formatDuration, note, paint, step, warn } from '../../stack/src/log.mjs';
import { ProcessGroup, runMain } from '../../stack/src/process-group.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

const LIMITS = {
  /** A lead retries its POST for this long before the sender gives up on it. */
  giveUpAfterMs: 150_000,
  /** After the fault is over and the last lead answered, every lead must be settled within this. */
  settleMs: 150_000,
  /** A scenario that takes longer than this is stopped and failed, whatever it is doing. */
  scenarioMs: 8 * 60_000,
  /** Time after settling for late duplicates (a retried send) to show up. */
  graceMs: 3000,
};

/** @typedef {import('./chaos-report.mjs').ScenarioResult} ScenarioResult */
/** @typedef {import('./chaos-scenarios.mjs').Scenario} Scenario */
/** @typedef {import('./chaos-stack.mjs').ChaosStack} ChaosStack */
/** @typedef {import('./workflow-inspector.mjs').WorkflowInspector} WorkflowInspector */
/** @typedef {import('./lead-audit.mjs').Db} Db */

const group = new ProcessGroup();
const started = Date.now();
/** @type {string | null} */
let tempDir = null;
/** @type {ScenarioResult[]} */
const results = [];
/** @type {number | null} scenarios meant to run; set once they start */
let planned = null;

const sleep = (/** @type {number} */ ms) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * @template T
 * @param {Promise<T>} promise
 * @param {number} ms
 * @param {string} what
 * @returns {Promise<T>}
 */
async function within(promise, ms, what) {
  /** @type {NodeJS.Timeout | undefined} */
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new UserError(`timed out after ${ms / 1000}s: ${what}`)), ms);
  });
  try {
    return /** @type {T} */ (await Promise.race([promise, timeout]));
  } finally {
    clearTimeout(timer);
  }
}

// The report comes after everything has stopped, also on a failure or Ctrl-C; the data folder
// goes, except the logs of a failed run.
process.on('exit', (code) => {
  if (tempDir && fs.existsSync(tempDir)) {
    const logs = path.join(tempDir, 'logs');
    const keepLogs = code !== 0 && fs.existsSync(logs);
    for (const entry of fs.readdirSync(tempDir)) {
      if (!(keepLogs && entry === 'logs'))
        fs.rmSync(path.join(tempDir, entry), { recursive: true, force: true });
    }
    if (keepLogs) console.log(paint('gray', `service logs kept in ${logs}`));
    else fs.rmSync(tempDir, { recursive: true, force: true });
  }
  if (planned !== null) {
    const { printReport } = chaosReport ?? {};
    console.log(`\nelapsed ${formatDuration(Date.now() - started)}`);
    printReport?.(results, planned);
  }
});
/** @type {typeof import('./chaos-report.mjs') | null} */
let chaosReport = null;

/**
 * Polls until every id is settled or `deadline` passes; returns the ids still unsettled.
 * @param {Db} db
 * @param {string[]} ids
 * @param {number} deadline
 */
async function waitUntilSettled(db, ids, deadline) {
  const { settledLeadIds } = await import('./lead-audit.mjs');
  let unsettled = ids;
  for (;;) {
    try {
      const settled = await settledLeadIds(db, ids);
      unsettled = ids.filter((id) => !settled.has(id));
    } catch {
      /* the database may be coming back: ask again */
    }
    if (unsettled.length === 0 || Date.now() > deadline || group.stopping) return unsettled;
    await sleep(1000);
  }
}

/**
 * @param {object} o
 * @param {Scenario} o.scenario
 * @param {ChaosStack} o.stack
 * @param {Db} o.db
 * @param {WorkflowInspector} o.workflows
 * @param {string} o.runId
 * @returns {Promise<ScenarioResult>}
 */
async function runScenario({ scenario, stack, db, workflows, runId }) {
  const { sendLeads } = await import('./lead-sender.mjs');
  const { ALERT_AFTER_ATTEMPTS, auditLeads } = await import('./lead-audit.mjs');
  const begun = Date.now();
  /** @type {ScenarioResult} */
  const result = {
    title: scenario.title,
    leads: null,
    lost: null,
    duplicates: null,
    longestDelayMs: null,
    elapsedMs: 0,
    problems: [],
  };
  const crashesBefore = stack.crashes.length;
  try {
    await within(stack.heal(), 180_000, 'bringing every part back up before the scenario');
    const tag = `chaos-${scenario.id}`;
    note(
      `${scenario.leads} leads over ${scenario.loadSeconds} s; the fault ${scenario.faultAfterSeconds} s in`,
    );
    const sending = sendLeads({
      baseUrl: () => stack.apiUrl,
      apiKey: /** @type {string} */ (stack.apiKey),
      tag,
      runId,
      count: scenario.leads,
      perSecond: scenario.leads / scenario.loadSeconds,
      giveUpAfterMs: LIMITS.giveUpAfterMs,
      stopped: () => group.stopping,
    });
    await sleep(scenario.faultAfterSeconds * 1000);
    const fault = await within(
      scenario.inflict(stack),
      240_000,
      `${scenario.title} (the fault itself)`,
    );
    note(
      `fault from +${((fault.from - begun) / 1000).toFixed(1)} s, all back at +${((fault.to - begun) / 1000).toFixed(1)} s`,
    );
    const sent = await sending;
    const ids = sent.flatMap((s) => (s.outcome === 'accepted' && s.id ? [s.id] : []));
    note(
      `${ids.length} of ${sent.length} leads answered 202; waiting for each to reach the wait for contact`,
    );
    const unsettled = await waitUntilSettled(db, ids, Date.now() + LIMITS.settleMs);
    if (unsettled.length === 0) await sleep(LIMITS.graceMs);
    else
      result.problems.push(
        `${unsettled.length} leads did not reach the wait for contact within ${LIMITS.settleMs / 1000} s after the fault ended`,
      );
    const audit = await within(
      auditLeads({ db, workflows, tag, sent, deliveries: stack.smtp?.deliveries ?? [] }),
      120_000,
      'auditing the leads',
    );
    result.leads = audit.accepted;
    result.lost = audit.lost.length;
    result.duplicates = audit.duplicates.length;
    result.longestDelayMs = audit.longestDelayMs;
    for (const s of audit.unanswered)
      result.problems.push(
        `lead ${s.ref} never answered 202 (${s.outcome} after ${s.attempts} attempts: ${s.answers.slice(-5).join(', ')})`,
      );
    for (const lost of audit.lost.slice(0, 5)) {
      result.problems.push(`lead ${lost.ref} (${lost.id}) lacks: ${lost.missing.join('; ')}`);
      result.problems.push(`    ${lost.workflow}`);
      for (const line of lost.timeline) result.problems.push(`    ${line}`);
    }
    if (audit.lost.length > 5)
      result.problems.push(`… and ${audit.lost.length - 5} more leads like these`);
    result.problems.push(...audit.duplicates.map((d) => `duplicate: ${d}`));
    result.problems.push(...audit.missingAlerts.map((m) => `no error event: ${m}`));
    for (const suspect of audit.suspects) {
      result.problems.push(`timeline of lead ${suspect.ref} (${suspect.id}): ${suspect.workflow}`);
      for (const line of suspect.timeline) result.problems.push(`    ${line}`);
    }
    result.problems.push(
      ...scenario.evidence({ stack, audit, sent, fault }).map((e) => `fault not exercised: ${e}`),
    );
    note(
      `${audit.delayedSteps.length} steps failed ${ALERT_AFTER_ATTEMPTS}+ times, ${audit.lost.length} lost, ${audit.duplicates.length} duplicates`,
    );
    if (audit.slowest) {
      const { ref, delayMs, timeline, workflow } = audit.slowest;
      note(`slowest lead ${ref}, ${chaosReport?.formatDelay(delayMs)}: ${workflow}`);
      for (const line of timeline) note(`  ${line}`);
    }
  } catch (error) {
    result.problems.push(error instanceof Error ? error.message : String(error));
  }
  for (const crash of stack.crashes.slice(crashesBefore)) result.problems.push(crash);
  result.elapsedMs = Date.now() - begun;
  return result;
}

runMain(group, async () => {
  ensureDependencies(root);
  const { scenarios } = await import('./chaos-scenarios.mjs');
  const { ChaosStack } = await import('./chaos-stack.mjs');
  const { setUpChaosRouting } = await import('./chaos-routing.mjs');
  const { WorkflowInspector } = await import('./workflow-inspector.mjs');
  chaosReport = await import('./chaos-report.mjs');
  /** @type {any} */
  const pgModule = await import('pg');
  const pg = pgModule.default ?? pgModule;

  const wanted = process.argv.slice(2);
  const unknown = wanted.filter((id) => !scenarios.some((s) => s.id === id));
  if (unknown.length > 0)
    throw new UserError(
      `unknown scenario ${unknown.join(', ')}; the scenarios are ${scenarios.map((s) => s.id).join(', ')}`,
    );
  const selected =
    wanted.length > 0
      ? scenarios.filter((s) => wanted.includes(s.id))
      : scenarios.filter((s) => !s.optIn);
  planned = selected.length;

  tempDir = fs.mkdtempSync(path.join(os.tmpdir(), 'baton-chaos-'));
  fs.chmodSync(tempDir, 0o755); // PostgreSQL runs as `postgres` when we are root
  step(
    `Starting PostgreSQL, Temporal, an SMTP server, an Ollama double, the worker and the API in ${tempDir}`,
  );
  const stack = new ChaosStack({ root, dir: tempDir, group });
  await stack.start();
  if (group.stopping) return 130;
  note(`API on ${stack.apiUrl}; logs in ${stack.logs}`);

  step('Publishing the chaos flow through the API');
  await setUpChaosRouting(
    stack.apiUrl,
    /** @type {{ email: string, password: string }} */ (stack.login),
  );

  const db = new pg.Pool({
    connectionString: stack.databaseUrl,
    max: 3,
    application_name: 'baton-chaos',
    connectionTimeoutMillis: 5000,
  });
  db.on('error', () => {}); // idle connections die with the PostgreSQL restart; the pool replaces them
  group.add('database checks', () => db.end().catch(() => {}));
  const workflows = await WorkflowInspector.connect(`127.0.0.1:${stack.requirePorts().temporal}`);
  group.add('Temporal client', () => workflows.close().catch(() => {}));
  const runId = path.basename(tempDir);

  step('Baseline: 5 leads with nothing broken');
  const baseline = await runScenario({
    scenario: {
      id: 'baseline',
      title: 'baseline (no fault)',
      leads: 5,
      loadSeconds: 2,
      faultAfterSeconds: 0,
      inflict: async () => ({ from: Date.now(), to: Date.now() }),
      evidence: () => [],
    },
    stack,
    db,
    workflows,
    runId,
  });
  if (baseline.problems.length > 0) {
    for (const problem of baseline.problems) console.error(`  ${problem}`);
    throw new UserError('leads are not handled even with nothing broken; no scenario was run');
  }
  note(`baseline: longest delay ${chaosReport.formatDelay(baseline.longestDelayMs)}`);

  for (const [index, scenario] of selected.entries()) {
    if (group.stopping) break;
    step(`[${index + 1}/${selected.length}] ${scenario.title}`);
    const result = await within(
      runScenario({ scenario, stack, db, workflows, runId }),
      LIMITS.scenarioMs,
      scenario.title,
    ).catch((error) => ({
      title: scenario.title,
      leads: null,
      lost: null,
      duplicates: null,
      longestDelayMs: null,
      elapsedMs: LIMITS.scenarioMs,
      problems: [error instanceof Error ? error.message : String(error)],
    }));
    results.push(result);
    const verdict = result.problems.length === 0 ? paint('green', 'PASS') : paint('red', 'FAIL');
    note(`${verdict} in ${formatDuration(result.elapsedMs)}`);
    if (result.problems.length > 0) warn(result.problems.slice(0, 3).join('\n  '));
  }
  return results.every((r) => r.problems.length === 0) && results.length === planned ? 0 : 1;
});
