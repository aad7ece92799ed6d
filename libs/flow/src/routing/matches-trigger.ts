import type { TriggerConfig } from '../nodes/trigger/trigger.node';

export interface TriggerInput {
  sourceId: string;
  form?: string | null;
}

/** Whether a lead from this source/form starts a flow with this trigger (empty lists match all). */
export function matchesTrigger(config: TriggerConfig, lead: TriggerInput): boolean {
  const sourceOk = config.sources.length === 0 || config.sources.includes(lead.sourceId);
  const form = lead.form?.trim().toLowerCase();
  const formOk =
    config.forms.length === 0 ||
    (form !== undefined && config.forms.some((f) => f.trim().toLowerCase() === form));
  return sourceOk && formOk;
}
