import { qualifyConfigSchema } from '@baton/flow';
import type { HandoffActivities } from '@baton/workflows/contract';
import type { ActivityPorts } from './activity-ports';
import {
  loadQualifyInput,
  qualifyOverrides,
  storeQualification,
  storedQualification,
  withMinScore,
} from './support/qualification-step';

/**
 * Model and fallback in one activity, as workflows scheduled it before the model got its own
 * queue (patch `qualify-model-queue`); kept for those still waiting on it.
 */
export const qualifyLead =
  ({ dataSource, qualifier }: ActivityPorts): HandoffActivities['qualifyLead'] =>
  async ({ leadId, stepId, config: rawConfig }) => {
    const config = qualifyConfigSchema.parse(rawConfig);
    // A retry after the result was stored must not ask the model again (and maybe get another answer).
    const done = await storedQualification(dataSource, leadId, stepId);
    if (done) return { qualification: done };

    const input = await loadQualifyInput(dataSource, leadId);
    const startedAt = Date.now();
    const { fallbackReason, ...scored } = await qualifier.qualify(input, qualifyOverrides(config));
    const qualification = await storeQualification(
      dataSource,
      { leadId, stepId },
      withMinScore(scored, config),
      { latencyMs: Date.now() - startedAt, ...(fallbackReason ? { fallbackReason } : {}) },
    );
    return { qualification };
  };
