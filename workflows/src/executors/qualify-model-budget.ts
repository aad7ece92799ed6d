/** The model activity never gets less than this, so a lead whose budget is spent still has a turn if the queue is empty. */
export const MODEL_BUDGET_FLOOR_MS = 1_000;

export interface ModelBudgetInput {
  /** When the lead arrived (intake's receivedAt). */
  receivedAt: string;
  /** When this workflow run started: a lead stored while Temporal was down starts late. */
  runStartedAt: Date;
  /** Workflow time now, as the step asks the model. */
  now: Date;
  /** The qualify node's timeoutMs. */
  timeoutMs: number;
}

/**
 * How long the model activity may take, queueing included. The budget counts from the lead's
 * arrival (or from its run's start, when the workflow started late), not from each attempt:
 * speed to lead is measured from arrival, and a burst must not let leads wait timeoutMs each in
 * the queue and again at the model. When the budget was spent before the step even began, the
 * lead waited for something other than the model (a delay, a wait for contact) and the step gets
 * its whole budget.
 */
export function modelBudgetMs({
  receivedAt,
  runStartedAt,
  now,
  timeoutMs,
}: ModelBudgetInput): number {
  const received = Date.parse(receivedAt);
  const from = Math.max(Number.isNaN(received) ? 0 : received, runStartedAt.getTime());
  const spent = now.getTime() - from;
  if (spent >= timeoutMs) return timeoutMs;
  return Math.max(MODEL_BUDGET_FLOOR_MS, timeoutMs - Math.max(0, spent));
}
