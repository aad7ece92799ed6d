import { patched, workflowInfo } from '@temporalio/workflow';
import { type QualifyConfig, qualifyNode } from '@baton/flow';
import type {
  HeuristicBecause,
  ModelQualifyInput,
  ModelQualifyResult,
} from '../contract/handoff-activities.contract';
import { activities, modelActivities, qualifyActivities } from '../handoff/handoff-activities';
import { isActivityFailure } from '../handoff/step-failure';
import { defineExecutor, type ExecutionContext, follow } from './node-executor';
import { describeModelFailure } from './qualify-model-miss';
import { modelBudgetMs } from './qualify-model-budget';

/** Model calls on their own queue, the heuristic on the main one (histories before it: one activity). */
export const QUALIFY_MODEL_QUEUE_PATCH = 'qualify-model-queue';

export const qualifyExecutor = defineExecutor({
  definition: qualifyNode,
  // Unqualified is still routable: conditions on qualification.* take their else branch.
  failureHandles: ['next'],
  async run(ctx, config) {
    if (!patched(QUALIFY_MODEL_QUEUE_PATCH)) {
      const { qualification } = await qualifyActivities.qualifyLead({
        leadId: ctx.state.leadId,
        stepId: ctx.stepId,
        config,
      });
      ctx.state.facts.qualification = qualification;
      return follow('next');
    }
    // Later conditions read qualification.* facts.
    ctx.state.facts.qualification =
      config.mode === 'decide_now' ? await decideNow(ctx, config) : await waitForModel(ctx, config);
    return follow('next');
  },
});

const budgetFor = (ctx: ExecutionContext, config: QualifyConfig): number =>
  modelBudgetMs({
    receivedAt: ctx.receivedAt,
    runStartedAt: workflowInfo().runStartTime,
    now: ctx.now(),
    timeoutMs: config.timeoutMs,
  });

const heuristic = (
  ctx: ExecutionContext,
  config: QualifyConfig,
  because: HeuristicBecause,
  waitedMs?: number,
) =>
  activities.qualifyWithHeuristic({
    leadId: ctx.state.leadId,
    stepId: ctx.stepId,
    config,
    because,
    ...(waitedMs === undefined ? {} : { waitedMs }),
  });

/**
 * Asks the model within the budget. Never throws for a model that gave no score: the answer is
 * then why not, for the heuristic's reason.
 */
async function askModel(input: ModelQualifyInput, budgetMs: number): Promise<ModelQualifyResult> {
  try {
    return await modelActivities(budgetMs).qualifyWithModel(input);
  } catch (err) {
    if (!isActivityFailure(err)) throw err;
    return { miss: describeModelFailure(err, budgetMs) };
  }
}

/** The model within the budget; the heuristic, with the model's excuse, when it gave no score. */
async function waitForModel(
  ctx: ExecutionContext,
  config: QualifyConfig,
): Promise<Record<string, unknown>> {
  const askedAt = ctx.now().getTime();
  const answer = await askModel(
    { leadId: ctx.state.leadId, stepId: ctx.stepId, config },
    budgetFor(ctx, config),
  );
  if ('qualification' in answer) return answer.qualification;
  const { qualification } = await heuristic(
    ctx,
    config,
    answer.miss,
    ctx.now().getTime() - askedAt,
  );
  return qualification;
}

/**
 * The heuristic's score routes the lead at once; the model scores it in the background within
 * the same budget. Its answer is stored as `<stepId>:model` and replaces the facts, unless a later
 * qualify step has replaced them since. Refining never re-routes: only steps the lead reaches
 * after the answer read it.
 */
async function decideNow(
  ctx: ExecutionContext,
  config: QualifyConfig,
): Promise<Record<string, unknown>> {
  const { qualification: decided } = await heuristic(ctx, config, {
    kind: 'decide_now',
    detail: 'the model refines the score in the background',
  });
  const input: ModelQualifyInput = {
    leadId: ctx.state.leadId,
    stepId: `${ctx.stepId}:model`,
    config,
    refines: ctx.stepId,
  };
  const { state } = ctx;
  state.background.add(
    askModel(input, budgetFor(ctx, config)).then(async (answer) => {
      if ('qualification' in answer) {
        if (state.facts.qualification === decided) state.facts.qualification = answer.qualification;
        return;
      }
      const { kind, detail } = answer.miss;
      await activities.recordEvent({
        leadId: state.leadId,
        stepId: input.stepId,
        type: 'error',
        data: {
          nodeId: ctx.node.id,
          message: `The model did not refine the heuristic score (model ${kind === 'model_busy' ? 'busy' : 'down'}: ${detail}); the lead keeps the heuristic score`,
        },
      });
    }),
  );
  return decided;
}
