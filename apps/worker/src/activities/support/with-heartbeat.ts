import { Context } from '@temporalio/activity';

/** The running activity's context, or null when called outside one (plain unit tests). */
function currentContext(): Context | null {
  try {
    return Context.current();
  } catch {
    return null;
  }
}

/**
 * Heartbeats now and every `everyMs` while `work` runs, so that Temporal can tell a slow model
 * call from an attempt that was lost with its worker (the heartbeat timeout then retries it in
 * seconds, not after the whole start-to-close timeout). Only for work with its own deadline: a
 * heartbeat proves the process is alive, not that the work is moving.
 */
export async function withHeartbeat<T>(work: () => Promise<T>, everyMs = 5_000): Promise<T> {
  const context = currentContext();
  if (!context) return work();
  context.heartbeat();
  const timer = setInterval(() => context.heartbeat(), everyMs);
  try {
    return await work();
  } finally {
    clearInterval(timer);
  }
}
