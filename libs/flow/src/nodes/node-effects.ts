import type { AnyNodeDefinition } from '../catalogue/define-node';

/**
 * Everything a node executor may do to the world. The workflow binds it to Temporal (proxyActivities,
 * sleep, condition); the simulator binds it to fakes (a clock that advances on sleep, canned activity
 * answers). Pure on purpose: libs/flow never imports @temporalio. `Activities` is the workflow's
 * activity contract (workflows/src/contract/handoff-activities.contract.ts), passed in as a type so
 * this library does not depend on the workflows project.
 */
export interface NodeEffects<Activities = unknown> {
  /** The activities, called in the same order the engine's histories record them. */
  activities: Activities;
  /** Waits `ms` of workflow (or simulated) time. */
  sleep(ms: number): Promise<void>;
  /** Waits until `done()` holds or `timeoutMs` passes; true when it held. */
  waitFor(done: () => boolean, timeoutMs?: number): Promise<boolean>;
  /** Workflow (or simulated) time: deterministic under replay. */
  now(): Date;
}

/** A node type's parsed config (what `handles(config)` receives). */
export type NodeConfigOf<D extends AnyNodeDefinition> = Parameters<D['handles']>[0];

/**
 * The shape each `nodes/<type>/<type>.executor.ts` will take: run the step, return the out handle
 * to follow (null ends the walk). Not wired yet: see README.md.
 */
export interface NodeModuleExecutor<D extends AnyNodeDefinition, Ctx, Activities = unknown> {
  definition: D;
  run(ctx: Ctx, config: NodeConfigOf<D>, effects: NodeEffects<Activities>): Promise<string | null>;
}
