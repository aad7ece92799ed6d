import { qualifyConfigSchema } from '@baton/flow';
import {
  DECIDED_NOW_PREFIX,
  FALLBACK_PREFIX,
  heuristicQualifier,
  MODEL_BUSY_PREFIX,
} from '@baton/qualify';
import type { HandoffActivities, HeuristicBecause } from '@baton/workflows/contract';
import type { ActivityPorts } from './activity-ports';
import {
  loadQualifyInput,
  qualifyOverrides,
  storeQualification,
  storedQualification,
  withMinScore,
} from './support/qualification-step';

const prefixes: Record<HeuristicBecause['kind'], string> = {
  model_busy: MODEL_BUSY_PREFIX,
  model_down: FALLBACK_PREFIX,
  decide_now: DECIDED_NOW_PREFIX,
};

/**
 * The heuristic's score on the main queue: when the model gave none within the budget, or at
 * once for a decide_now step. The reason goes on the `qualified` event for the timeline.
 */
export const qualifyWithHeuristic =
  ({ dataSource }: ActivityPorts): HandoffActivities['qualifyWithHeuristic'] =>
  async ({ leadId, stepId, config: rawConfig, because, waitedMs }) => {
    const config = qualifyConfigSchema.parse(rawConfig);
    // The model may have stored its answer and then lost the race with its timeout: keep it.
    const done = await storedQualification(dataSource, leadId, stepId);
    if (done) return { qualification: done };

    const input = await loadQualifyInput(dataSource, leadId);
    const startedAt = Date.now();
    const scored = await heuristicQualifier.qualify(input, qualifyOverrides(config));
    const qualification = await storeQualification(
      dataSource,
      { leadId, stepId },
      withMinScore(scored, config),
      {
        latencyMs: Date.now() - startedAt,
        ...(waitedMs === undefined ? {} : { waitedMs }),
        fallbackReason: `${prefixes[because.kind]} – ${because.detail}`,
      },
    );
    return { qualification };
  };
