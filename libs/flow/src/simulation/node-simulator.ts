import type { z } from 'zod';
import type { EndOutcome } from '../catalogue/end.node';
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

/** How the simulator plays one node type; built with defineNodeSimulator so the config type follows the node's schema. */
export interface NodeSimulator {
  readonly type: string;
  /** Runs the node with an already validated config. */
  run(input: SimulatorInput<unknown>): SimulatorOutput;
}

/** Binds a simulator to its node definition; the config it receives has passed that node's schema. */
export function defineNodeSimulator<T extends string, S extends z.ZodType>(
  definition: NodeDefinition<T, S>,
  run: (input: SimulatorInput<z.output<S>>) => SimulatorOutput,
): NodeSimulator {
  return {
    type: definition.type,
    run: (input) => {
      const parsed = definition.configSchema.safeParse(input.config, {
        error: requiredFieldErrors,
      });
      if (!parsed.success) {
        return {
          handle: null,
          reason: `its settings are invalid: ${parsed.error.issues.map((i) => `${i.path.map(String).join('.')}: ${i.message}`).join('; ')}`,
        };
      }
      return run({ ...input, config: parsed.data });
    },
  };
}
