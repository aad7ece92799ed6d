import { Context } from '@temporalio/activity';
import { qualifyConfigSchema } from '@baton/flow';
import { type Qualification, QualifierUnavailableError } from '@baton/qualify';
import type { ModelActivities } from '@baton/workflows/contract';
import type { ActivityPorts } from './activity-ports';
import {
  loadQualifyInput,
  qualifyOverrides,
  storeQualification,
  storedQualification,
  withMinScore,
} from './support/qualification-step';

/** Kept back from the budget for storing the answer, so a model that answers in time counts. */
const STORE_MARGIN_MS = 300;
/** Less than this left: the model cannot answer anyway, so the turn goes straight to the next lead. */
const MIN_CALL_MS = 200;

/**
 * Runs on the model task queue, as many at once as the model serves (OLLAMA_PARALLEL). The call
 * gets what is left of the activity's schedule-to-close budget, so the time a lead queued behind
 * others is not given to it twice. The answer is stored here, with how long it queued and took,
 * so a retry (or the heuristic after a late timeout) never asks the model again. A model that
 * cannot answer is an ordinary outcome (a `miss`), not a failure to retry or log.
 */
export const qualifyWithModel =
  ({ dataSource, model }: ActivityPorts): ModelActivities['qualifyWithModel'] =>
  async ({ leadId, stepId, config: rawConfig, refines }) => {
    const config = qualifyConfigSchema.parse(rawConfig);
    const done = await storedQualification(dataSource, leadId, stepId);
    if (done) return { qualification: done };
    if (!model) {
      return {
        miss: {
          kind: 'model_down',
          detail: 'no model is configured (OLLAMA_HOST is not set on the worker)',
        },
      };
    }

    const info = Context.current().info;
    const waitedMs = Math.max(0, Date.now() - info.currentAttemptScheduledTimestampMs);
    const input = await loadQualifyInput(dataSource, leadId);
    const startedAt = Date.now();
    const deadline = info.scheduleToCloseTimeoutMs
      ? info.scheduledTimestampMs + info.scheduleToCloseTimeoutMs
      : startedAt + config.timeoutMs;
    const leftMs = Math.min(config.timeoutMs, deadline - startedAt - STORE_MARGIN_MS);
    if (leftMs < MIN_CALL_MS) {
      return {
        miss: {
          kind: 'model_busy',
          detail: `its turn came after ${waitedMs} ms in the queue, with ${Math.max(0, leftMs)} ms of the budget left`,
        },
      };
    }

    let scored: Qualification;
    try {
      scored = await model.qualify(input, { ...qualifyOverrides(config), timeoutMs: leftMs });
    } catch (error) {
      if (!(error instanceof QualifierUnavailableError)) throw error;
      // A model that is too slow for what is left of the budget is busy; anything else is down.
      return error.reason === 'timeout'
        ? {
            miss: {
              kind: 'model_busy',
              detail: `${error.message}, after ${waitedMs} ms in the queue`,
            },
          }
        : { miss: { kind: 'model_down', detail: error.message } };
    }
    const qualification = await storeQualification(
      dataSource,
      { leadId, stepId },
      withMinScore(scored, config),
      { latencyMs: Date.now() - startedAt, waitedMs, ...(refines ? { refines } : {}) },
    );
    return { qualification };
  };
