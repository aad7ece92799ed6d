// @ts-check
// The six faults, in the order they run. Each says how many leads flow while it happens, how to
// inflict it (returning when everything is back, with the window it lasted), and what proves the
// fault really met the leads: a scenario whose fault touched nothing would pass for nothing.
import { CHAOS_STEPS } from './chaos-routing.mjs';
import { OLLAMA_TIMEOUT_MS } from './chaos-stack.mjs';
import { ALERT_AFTER_ATTEMPTS } from './lead-audit.mjs';

/** @typedef {import('./chaos-stack.mjs').ChaosStack} ChaosStack */
/** @typedef {import('./lead-audit.mjs').Audit} Audit */
/** @typedef {import('./lead-sender.mjs').SentLead} SentLead */
/** @typedef {{ from: number, to: number }} FaultWindow epoch ms: when it was broken, when back */

/**
 * @typedef {object} Scenario
 * @property {string} id also the leads' form name suffix
 * @property {string} title
 * @property {boolean} [optIn] run only when named (`npm run test:chaos -- burst`): too long for CI
 * @property {number} leads how many leads are sent
 * @property {number} loadSeconds over how long
 * @property {number} faultAfterSeconds into the burst
 * @property {(stack: ChaosStack) => Promise<FaultWindow>} inflict
 * @property {(o: { stack: ChaosStack, audit: Audit, sent: SentLead[], fault: FaultWindow }) => string[]} evidence
 *   problems when the fault did not visibly meet the leads
 */

const sleep = (/** @type {number} */ ms) => new Promise((resolve) => setTimeout(resolve, ms));
const OUTAGE_MS = 60_000;

/**
 * Leads received before `at` whose owner was notified after it: in flight at that moment.
 * @param {Audit} audit
 * @param {number} at
 */
function inFlightAt(audit, at) {
  let n = 0;
  for (const [id, lead] of audit.leads) {
    const notified = (audit.events.get(id) ?? []).find(
      (e) => e.type === 'notified' && e.step_id === CHAOS_STEPS.inApp,
    );
    if (lead.received_at.getTime() < at && (!notified || notified.occurred_at.getTime() > at)) n++;
  }
  return n;
}

/** @param {Audit} audit */
const retriedSteps = (audit) =>
  [...audit.attempts.values()].flat().filter((step) => step.attempts > 1);

/** @type {Scenario[]} */
export const scenarios = [
  {
    id: 'worker-sigkill',
    title: 'worker killed with SIGKILL mid-flight',
    leads: 40,
    loadSeconds: 13,
    faultAfterSeconds: 5,
    async inflict(stack) {
      const from = Date.now();
      await stack.killWorker();
      await sleep(2000);
      await stack.startWorker();
      return { from, to: Date.now() };
    },
    evidence: ({ audit, fault }) =>
      inFlightAt(audit, fault.from) > 0 ? [] : ['no lead was in flight when the worker was killed'],
  },
  {
    id: 'api-restart',
    title: 'API restarted mid-burst',
    leads: 40,
    loadSeconds: 13,
    faultAfterSeconds: 5,
    async inflict(stack) {
      const from = Date.now();
      await stack.stopApi();
      await stack.startApi();
      return { from, to: Date.now() };
    },
    evidence: ({ sent }) =>
      sent.some((s) => s.attempts > 1)
        ? []
        : ['no request met the restart (every lead was answered on its first attempt)'],
  },
  {
    id: 'temporal-down',
    title: 'Temporal stopped for 60 s',
    leads: 40,
    loadSeconds: 30,
    faultAfterSeconds: 5,
    async inflict(stack) {
      const from = Date.now();
      await stack.stopTemporal();
      await sleep(OUTAGE_MS);
      await stack.startTemporal(); // same port, same database file
      return { from, to: Date.now() };
    },
    evidence: ({ audit, fault }) => {
      const during = [...audit.leads.values()].filter(
        (l) => l.received_at.getTime() > fault.from && l.received_at.getTime() < fault.to,
      ).length;
      return during > 0 ? [] : ['no lead arrived while Temporal was down'];
    },
  },
  {
    id: 'postgres-restart',
    title: 'PostgreSQL restarted',
    leads: 40,
    loadSeconds: 13,
    faultAfterSeconds: 5,
    async inflict(stack) {
      const from = Date.now();
      await stack.stopPostgres();
      await sleep(5000); // a real server's restart (shutdown checkpoint, recovery) takes seconds
      await stack.startPostgres(); // same port, same data folder
      return { from, to: Date.now() };
    },
    evidence: ({ audit, sent }) =>
      sent.some((s) => s.attempts > 1) || retriedSteps(audit).length > 0
        ? []
        : ['no request and no step met the restart'],
  },
  {
    id: 'smtp-down',
    title: 'SMTP down for 60 s',
    leads: 40,
    loadSeconds: 30,
    faultAfterSeconds: 5,
    async inflict(stack) {
      const smtp = /** @type {import('./smtp-sink.mjs').SmtpSink} */ (stack.smtp);
      const from = Date.now();
      await smtp.stop();
      await sleep(OUTAGE_MS);
      await smtp.start(); // same port
      return { from, to: Date.now() };
    },
    evidence: ({ audit }) =>
      audit.delayedSteps.some((s) => s.stepId === CHAOS_STEPS.email)
        ? []
        : [
            `no email step failed ${ALERT_AFTER_ATTEMPTS} times during a 60 s outage: the alert path was not exercised`,
          ],
  },
  {
    id: 'ollama-down-hanging',
    title: 'Ollama down, then hanging',
    leads: 40,
    loadSeconds: 30,
    faultAfterSeconds: 3,
    async inflict(stack) {
      const ollama = /** @type {import('./ollama-double.mjs').OllamaDouble} */ (stack.ollama);
      const from = Date.now();
      await ollama.setMode('refusing');
      await sleep(12_000);
      await ollama.setMode('hanging');
      await sleep(15_000);
      await ollama.setMode('up'); // cuts what the client has not given up on (see evidence)
      return { from, to: Date.now() };
    },
    evidence: ({ stack, audit }) => {
      const problems = [];
      const qualified = [...audit.events.values()]
        .flat()
        .filter((e) => e.type === 'qualified' && e.step_id === CHAOS_STEPS.qualify);
      const heuristic = qualified.filter((e) => e.data['method'] === 'heuristic').length;
      const llm = qualified.length - heuristic;
      const hung = stack.ollama?.hung.length ?? 0;
      if (heuristic === 0)
        problems.push('no lead was scored by the heuristic while Ollama was down');
      if (llm === 0) problems.push('no lead was scored by the model (the double) at all');
      if (hung === 0) problems.push('no request reached the hanging Ollama');
      // Against a real hung server such a request would stay open for ever.
      const notAborted = stack.ollama?.hungLongerThan(OLLAMA_TIMEOUT_MS + 5000).length ?? 0;
      if (notAborted > 0)
        problems.push(
          `${notAborted} of ${hung} requests to the hanging Ollama were still open ${OLLAMA_TIMEOUT_MS / 1000} s + 5 s later (the client did not abort them)`,
        );
      return problems;
    },
  },
  {
    // Issue 7, class 5: under a 600-lead burst one qualify attempt once hung for its whole
    // timeout. Here the load is the fault: no step attempt may time out or need a retry.
    id: 'burst',
    title: 'a 600-lead burst, nothing broken',
    optIn: true,
    leads: 600,
    loadSeconds: 30,
    faultAfterSeconds: 0,
    async inflict() {
      const at = Date.now();
      return { from: at, to: at };
    },
    evidence: ({ audit }) => {
      const retried = retriedSteps(audit);
      return retried.length === 0
        ? []
        : [
            `${retried.length} steps needed more than one attempt under load: ${retried
              .slice(0, 5)
              .map((s) => `${s.stepId ?? s.activity} ×${s.attempts} (${s.lastFailure ?? '?'})`)
              .join('; ')}`,
          ];
    },
  },
];
