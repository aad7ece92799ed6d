import { condition } from '@temporalio/workflow';
import type { ExecutionContext } from '../executors/node-executor';

/**
 * Sleeps until `until` (workflow time) unless the lead is contacted or stopped first, or `alsoDone`
 * says the wait is over (a wait that ends on a claim); true if it ended early.
 */
export async function waitUntilSettled(
  ctx: ExecutionContext,
  until: Date,
  alsoDone: () => boolean = () => false,
): Promise<boolean> {
  const done = () => ctx.state.settled || alsoDone();
  const ms = until.getTime() - ctx.now().getTime();
  if (done()) return true;
  if (ms <= 0) return false;
  return condition(done, ms);
}
