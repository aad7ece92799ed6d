import type { AnyNodeDefinition, FlowNode, Schedule } from '@baton/flow';
import type { HandoffState } from '../handoff/handoff-state';

export interface ExecutionContext {
  state: HandoffState;
  node: FlowNode;
  /** `<nodeId>#<visit>`: the idempotency key of every side effect of this step. */
  stepId: string;
  /** When the lead arrived: the qualify step's model budget counts from it. */
  receivedAt: string;
  schedules: Readonly<Record<string, Schedule>>;
  defaultScheduleId: string | null;
  /** Workflow time (deterministic under replay). */
  now(): Date;
}

export interface NodeOutcome {
  /** The out handle to follow; null ends the walk (the `end` node). */
  handle: string | null;
}

/** A node type's parsed config (what `handles(config)` receives), without importing zod here. */
type ConfigOf<D extends AnyNodeDefinition> = Parameters<D['handles']>[0];

/** How one node type behaves inside the workflow. One module per node type declares itself. */
export interface NodeExecutor<D extends AnyNodeDefinition = AnyNodeDefinition> {
  definition: D;
  run(ctx: ExecutionContext, config: ConfigOf<D>): Promise<NodeOutcome>;
  /**
   * Where the lead goes when one of the step's activities fails for good (a permanent error, or
   * its retries spent): the first of these handles that is connected. None connected, or none
   * listed: the walk stops there and the lead waits, with the error on its timeline and an alert.
   */
  failureHandles?: readonly string[];
}

export const defineExecutor = <D extends AnyNodeDefinition>(
  executor: NodeExecutor<D>,
): NodeExecutor => executor as unknown as NodeExecutor;

export const follow = (handle: string): NodeOutcome => ({ handle });
