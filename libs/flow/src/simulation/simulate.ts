import type { FlowNode } from '../graph/flow-graph.schema';
import { invalidSettings, type SimulatorOutput } from './node-simulator';
import { prepareFlow, type PreparedFlow, type PreparedNode } from './prepared-flow';
import type {
  SimulateOptions,
  SimulatedLead,
  SimulationOutcome,
  SimulationResult,
  SimulationState,
  SimulationStep,
  SimulationStopCode,
} from './simulation.types';

export const DEFAULT_MAX_STEPS = 200;

const stopped = (
  code: SimulationStopCode,
  reason: string,
  at: Date,
  nodeId?: string,
): SimulationOutcome => ({
  kind: 'stopped',
  code,
  reason,
  at,
  ...(nodeId === undefined ? {} : { nodeId }),
});

/** Runs one node; a thrown error (a schedule that never opens, say) becomes a stop with its message. */
function runNode(
  prepared: PreparedNode,
  state: SimulationState,
  options: SimulateOptions,
): SimulatorOutput | SimulationOutcome {
  const { node } = prepared;
  if (prepared.status === 'unknown_type')
    return stopped(
      'unknown_node_type',
      `"${node.id}" has an unknown type, "${node.type}".`,
      state.now,
      node.id,
    );
  try {
    if (prepared.status === 'threw') throw prepared.error;
    const { config } = prepared;
    if (!config.ok) return invalidSettings(config.reason);
    return prepared.simulator.runParsed({ node, config: config.config, state, options });
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return stopped('node_failed', `"${node.id}" could not run: ${detail}`, state.now, node.id);
  }
}

/** Where the walk goes after `node` left by `handle`: the next node, or why it cannot go on. */
function nextNode(
  flow: PreparedFlow,
  node: FlowNode,
  handle: string,
  at: Date,
): PreparedNode | SimulationOutcome {
  const edge = flow.edge(node.id, handle);
  if (!edge)
    return stopped(
      'unconnected_handle',
      `The "${handle}" exit of "${node.id}" is not connected.`,
      at,
      node.id,
    );
  return (
    flow.node(edge.target) ??
    stopped(
      'dangling_edge',
      `Edge "${edge.id}" leads to "${edge.target}", which is not in the flow.`,
      at,
      node.id,
    )
  );
}

// Outputs and prepared nodes have no `kind`; outcomes always do.
const isOutcome = (value: object): value is SimulationOutcome => 'kind' in value;

/**
 * Walks the flow for one lead from the trigger, the way the workflow would, without side effects:
 * every step says which exit it took and why. Waits assume contact unless `breached` says
 * otherwise; delays and breaches move the simulated clock. An invalid graph is walked as far as
 * it goes (its problems are returned too), so a half-built flow can be tried on the canvas.
 */
export function simulate(
  graph: unknown,
  lead: SimulatedLead,
  options: SimulateOptions,
): SimulationResult {
  return simulatePrepared(prepareFlow(graph), lead, options);
}

/** simulate() on a graph prepared once (see prepareFlow): the same walk, for many leads. */
export function simulatePrepared(
  flow: PreparedFlow,
  lead: SimulatedLead,
  options: SimulateOptions,
): SimulationResult {
  const { problems } = flow;
  if (!flow.flow) {
    return {
      path: [],
      outcome: stopped('malformed_graph', 'The graph is malformed.', options.now),
      ownerId: null,
      problems,
    };
  }
  const path: SimulationStep[] = [];
  let state: SimulationState = {
    now: options.now,
    facts: { lead, qualification: options.qualification ?? {}, context: options.context ?? {} },
    ownerId: null,
    holders: [],
    lastAssign: undefined,
    cursors: options.cursors ?? {},
    counts: {},
  };
  const finish = (outcome: SimulationOutcome): SimulationResult => ({
    path,
    outcome,
    ownerId: state.ownerId,
    problems,
  });

  let prepared = flow.trigger;
  if (!prepared) return finish(stopped('no_trigger', 'The flow has no trigger.', state.now));

  const maxSteps = options.maxSteps ?? DEFAULT_MAX_STEPS;
  for (let steps = 0; steps < maxSteps; steps++) {
    const { node } = prepared;
    const out = runNode(prepared, state, options);
    if (isOutcome(out)) return finish(out);

    path.push({
      nodeId: node.id,
      type: node.type,
      handle: out.handle,
      reason: out.reason,
      at: state.now,
      ...out.detail,
    });
    state = { ...state, ...out.state };
    if (out.end) return finish({ kind: 'ended', outcome: out.end, nodeId: node.id, at: state.now });
    if (out.handle === null)
      return finish(
        stopped('node_failed', `"${node.id}" stopped: ${out.reason}`, state.now, node.id),
      );

    const next = nextNode(flow, node, out.handle, state.now);
    if (isOutcome(next)) return finish(next);
    prepared = next;
  }
  return finish(
    stopped(
      'max_steps',
      `Stopped after ${maxSteps} steps: the lead keeps going round a loop.`,
      state.now,
      prepared.node.id,
    ),
  );
}
