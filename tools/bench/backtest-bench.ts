// `npm run bench:backtest`: how long a backtest of 10,000 leads through a 30-node flow takes
// (published and draft, two walks per lead), against one plain simulate pass over the same
// leads on one graph measured in the same run. Not part of the test suite: timings depend on
// the machine and on what else it is doing.
import { backtest, prepareFlow, simulatePrepared, validateGraph } from '@baton/flow';
import { benchFlow, benchLeads, benchWorld } from './backtest-fixture';

const LEADS = 10_000;
const RUNS = 5;
const AIM_MS = 1_000;

const published = benchFlow({ hot: 70, enterpriseEmployees: 500 });
const draft = benchFlow({ hot: 60, enterpriseEmployees: 300 });
for (const [name, graph] of [
  ['published', published],
  ['draft', draft],
] as const) {
  const { problems } = validateGraph(graph);
  if (problems.length > 0)
    throw new Error(`the ${name} bench flow is invalid: ${JSON.stringify(problems)}`);
}
const leads = benchLeads(LEADS);
const world = benchWorld();

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] as number;
};
const time = (run: () => void) => {
  const start = performance.now();
  run();
  return performance.now() - start;
};

/** One simulate pass: the published graph, prepared once, every lead at its received time. */
function simulatePass(): void {
  const flow = prepareFlow(published);
  for (const lead of leads) {
    simulatePrepared(flow, lead.lead, {
      now: lead.receivedAt,
      roster: world.roster,
      schedules: world.schedules,
      teams: world.teams ?? [],
      cursors: world.cursors ?? {},
      qualification: lead.qualification,
      context: lead.context,
    });
  }
}

let report: ReturnType<typeof backtest> | undefined;
const backtestMs: number[] = [];
const simulateMs: number[] = [];
// One warm-up of each (JIT), then interleaved runs so both see the same machine load.
simulatePass();
backtest(published, draft, leads, world, { listLimit: 100 });
for (let i = 0; i < RUNS; i++) {
  simulateMs.push(time(simulatePass));
  backtestMs.push(
    time(() => {
      report = backtest(published, draft, leads, world, { listLimit: 100 });
    }),
  );
}

const b = median(backtestMs);
const s = median(simulateMs);
const margin = AIM_MS - b;
const nodes = published.nodes.length;
process.stdout.write(
  [
    `flow: ${nodes} nodes; leads: ${LEADS}; median of ${RUNS} runs (after one warm-up)`,
    `backtest ${b.toFixed(0)} ms for ${LEADS} leads (2 graphs) vs single simulate pass ${s.toFixed(0)} ms; ` +
      `aim < ${AIM_MS} ms: ${margin >= 0 ? 'met' : 'missed'} by ${Math.abs(margin).toFixed(0)} ms`,
    `  runs: backtest [${backtestMs.map((ms) => ms.toFixed(0)).join(', ')}] ms, simulate [${simulateMs.map((ms) => ms.toFixed(0)).join(', ')}] ms`,
    `  result: ${report?.differing} of ${report?.compared} leads route differently in ${report?.groups.length} groups`,
    '',
  ].join('\n'),
);
