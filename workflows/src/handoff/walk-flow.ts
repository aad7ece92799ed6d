import { workflowInfo } from '@temporalio/workflow';
import type { HandoffStart } from '../contract/handoff-activities.contract';
import type { ExecutionContext, NodeExecutor, NodeOutcome } from '../executors/node-executor';
import { nodeExecutors } from '../executors/node-executors';
import { activities } from './handoff-activities';
import { FlowNavigator } from './flow-navigator';
import type { HandoffState } from './handoff-state';
import { describeStepFailure, isActivityFailure } from './step-failure';

const DEFAULT_HISTORY_LIMIT = 2000;

export interface WalkOptions {
  resumeAt: string | null;
  now: () => Date;
  historyLimit?: number;
}

/**
 * Walks the lead's pinned flow from the trigger (or where a previous run stopped), node by node,
 * until an `end`, a person stops it, or the history is long enough to continue as new.
 * Anything that cannot go on is written on the timeline as an error, never swallowed.
 */
export async function walkFlow(
  state: HandoffState,
  start: HandoffStart,
  opts: WalkOptions,
): Promise<{ continueAt?: string }> {
  const problem = (stepId: string, message: string, data: Record<string, unknown> = {}) =>
    activities.recordEvent({
      leadId: state.leadId,
      stepId,
      type: 'error',
      data: { message, ...data },
    });

  if (!start.flow) {
    await problem(
      'flow#1',
      'No published flow handles this source: the lead waits in the inbox for someone to claim it',
    );
    return {};
  }
  const nav = new FlowNavigator(start.flow.graph);
  let node = opts.resumeAt ? nav.node(opts.resumeAt) : nav.trigger();
  if (!node) {
    await problem('flow#1', `The flow version ${start.flow.versionId} has no node to start from`);
    return {};
  }

  for (;;) {
    if (state.stoppedAs) return {};
    const executor = nodeExecutors.get(node.type);
    const stepId = state.enter(node.id, opts.now());
    if (!executor) {
      await problem(stepId, `This worker cannot run "${node.type}" steps yet`, { nodeId: node.id });
      return {};
    }
    const parsed = executor.definition.configSchema.safeParse(node.data.config);
    if (!parsed.success) {
      await problem(stepId, `The settings of step "${node.label ?? node.id}" are invalid`, {
        nodeId: node.id,
        issues: parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`),
      });
      return {};
    }
    const ctx: ExecutionContext = {
      state,
      node,
      stepId,
      receivedAt: start.receivedAt,
      schedules: start.schedules,
      defaultScheduleId: start.defaultScheduleId,
      now: opts.now,
    };
    let outcome: NodeOutcome;
    try {
      outcome = await executor.run(ctx, parsed.data);
    } catch (err) {
      if (!isActivityFailure(err)) throw err;
      outcome = await afterFailedStep(ctx, executor, nav, err);
    }
    const { handle } = outcome;
    if (handle === null) return {};
    state.leave(handle);
    const next = nav.next(node.id, handle);
    if (!next) {
      await problem(
        stepId,
        `Nothing is connected to "${handle}" of step "${node.label ?? node.id}"`,
        { nodeId: node.id, handle },
      );
      return {};
    }
    const info = workflowInfo();
    if (
      info.continueAsNewSuggested ||
      info.historyLength > (opts.historyLimit ?? DEFAULT_HISTORY_LIMIT)
    ) {
      return { continueAt: next.id };
    }
    node = next;
  }
}

/**
 * A step whose activity failed for good (a permanent error, or its retries spent) never blocks
 * the lead: the error goes on the timeline with an alert to the owner and managers, and the lead
 * takes the step's failure handle, or waits where it is for a person to act.
 */
async function afterFailedStep(
  ctx: ExecutionContext,
  executor: NodeExecutor,
  nav: FlowNavigator,
  err: Parameters<typeof describeStepFailure>[0],
): Promise<NodeOutcome> {
  const { node, stepId } = ctx;
  const failure = describeStepFailure(err);
  const handle = executor.failureHandles?.find((h) => nav.next(node.id, h)) ?? null;
  const label = node.label ?? node.id;
  const then = handle
    ? `the lead went on through "${handle}"`
    : 'the lead waits here for a person to act on it';
  await activities.recordEvent({
    leadId: ctx.state.leadId,
    stepId,
    type: 'error',
    data: {
      nodeId: node.id,
      message: `Step "${label}" failed${failure.permanent ? '' : ' after retries'}: ${failure.message}; ${then}`,
      permanent: failure.permanent,
      ...(handle ? { handle } : {}),
    },
    alert: `Step "${label}" failed`,
  });
  return { handle };
}
