import { condition } from '@temporalio/workflow';
import type { ExecutionContext } from '../executors/node-executor';

/** Sleeps until `until` (workflow time) unless the lead is contacted or stopped first; true if it was. */
export async function waitUntilSettled(ctx: ExecutionContext, until: Date): Promise<boolean> {
  const ms = until.getTime() - ctx.now().getTime();
  if (ctx.state.settled) return true;
  if (ms <= 0) return false;
  return condition(() => ctx.state.settled, ms);
}
