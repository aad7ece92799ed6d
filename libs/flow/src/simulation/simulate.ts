import { flowGraphSchema, type FlowGraph, type FlowNode } from '../graph/flow-graph.schema';
import { findNode, findTriggerNode } from '../graph/graph-navigation';
import { validateGraph } from '../validation/validate-graph';
import type { SimulatorOutput } from './node-simulator';
import { getNodeSimulator } from './node-simulators';
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
  node: FlowNode,
  state: SimulationState,
  options: SimulateOptions,
): SimulatorOutput | SimulationOutcome {
  const simulator = getNodeSimulator(node.type);
  if (!simulator)
    return stopped(
      'unknown_node_type',
      `"${node.id}" has an unknown type, "${node.type}".`,
      state.now,
      node.id,
    );
  try {
    return simulator.run({ node, config: node.data.config, state, options });
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return stopped('node_failed', `"${node.id}" could not run: ${detail}`, state.now, node.id);
  }
}

/** Where the walk goes after `node` left by `handle`: the next node, or why it cannot go on. */
function nextNode(
  flow: FlowGraph,
  node: FlowNode,
  handle: string,
  at: Date,
): FlowNode | SimulationOutcome {
  const edge = flow.edges.find((e) => e.source === node.id && e.sourceHandle === handle);
  if (!edge)
    return stopped(
      'unconnected_handle',
      `The "${handle}" exit of "${node.id}" is not connected.`,
      at,
      node.id,
    );
  return (
    findNode(flow, edge.target) ??
    stopped(
      'dangling_edge',
      `Edge "${edge.id}" leads to "${edge.target}", which is not in the flow.`,
      at,
      node.id,
    )
  );
}

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
  const { problems } = validateGraph(graph);
  const parsed = flowGraphSchema.safeParse(graph);
  if (!parsed.success) {
    return {
      path: [],
      outcome: stopped('malformed_graph', 'The graph is malformed.', options.now),
      ownerId: null,
      problems,
    };
  }
  const flow = parsed.data;
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

  let node = findTriggerNode(flow);
  if (!node) return finish(stopped('no_trigger', 'The flow has no trigger.', state.now));

  const maxSteps = options.maxSteps ?? DEFAULT_MAX_STEPS;
  for (let steps = 0; steps < maxSteps; steps++) {
    const out = runNode(node, state, options);
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
    node = next;
  }
  return finish(
    stopped(
      'max_steps',
      `Stopped after ${maxSteps} steps: the lead keeps going round a loop.`,
      state.now,
      node.id,
    ),
  );
}
