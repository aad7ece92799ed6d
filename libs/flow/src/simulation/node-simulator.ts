import type { z } from 'zod';
import type { EndOutcome } from '../nodes/end/end.node';
import type { NodeDefinition } from '../catalogue/define-node';
import type { FlowNode } from '../graph/flow-graph.schema';
import { requiredFieldErrors } from '../catalogue/parse-node-config';
import type { SimulateOptions, SimulationState, SimulationStep } from './simulation.types';

export interface SimulatorInput<C> {
  node: FlowNode;
  config: C;
  state: SimulationState;
  options: SimulateOptions;
}

export interface SimulatorOutput {
  /** The exit taken; null to finish (end) or stop. */
  handle: string | null;
  reason: string;
  /** Changes to the walk's state (the clock, the owner, ...). */
  state?: Partial<SimulationState>;
  detail?: Pick<SimulationStep, 'condition' | 'assignment' | 'message' | 'deadline' | 'reminders'>;
  /** Set by an End node. */
  end?: EndOutcome;
}

/** A node's settings checked once against its type's schema: ready to run, or why not. */
export type ParsedNodeConfig = { ok: true; config: unknown } | { ok: false; reason: string };

/** How the simulator plays one node type; built with defineNodeSimulator so the config type follows the node's schema. */
export interface NodeSimulator {
  readonly type: string;
  /** Checks a node's settings; the same for every lead, so a walk over many leads does it once per node. */
  parse(config: unknown): ParsedNodeConfig;
  /** Runs the node with a config `parse` accepted. */
  runParsed(input: SimulatorInput<unknown>): SimulatorOutput;
  /** parse, then runParsed; invalid settings stop the walk with the reason. */
  run(input: SimulatorInput<unknown>): SimulatorOutput;
}

/** The output of a node whose settings do not parse: no exit, and what is wrong. */
export const invalidSettings = (reason: string): SimulatorOutput => ({ handle: null, reason });

/** Binds a simulator to its node definition; the config it receives has passed that node's schema. */
export function defineNodeSimulator<T extends string, S extends z.ZodType>(
  definition: NodeDefinition<T, S>,
  run: (input: SimulatorInput<z.output<S>>) => SimulatorOutput,
): NodeSimulator {
  const parse = (config: unknown): ParsedNodeConfig => {
    const parsed = definition.configSchema.safeParse(config, { error: requiredFieldErrors });
    if (parsed.success) return { ok: true, config: parsed.data };
    return {
      ok: false,
      reason: `its settings are invalid: ${parsed.error.issues.map((i) => `${i.path.map(String).join('.')}: ${i.message}`).join('; ')}`,
    };
  };
  // The config was parsed by `parse` with this definition's schema, so it is its output.
  const runParsed = (input: SimulatorInput<unknown>) => run(input as SimulatorInput<z.output<S>>);
  return {
    type: definition.type,
    parse,
    runParsed,
    run: (input) => {
      const parsed = parse(input.config);
      return parsed.ok
        ? runParsed({ ...input, config: parsed.config })
        : invalidSettings(parsed.reason);
    },
  };
}
