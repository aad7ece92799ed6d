import { ApplicationFailure } from '@temporalio/activity';
import { type QualifyConfig, qualifyConfigSchema } from '@baton/flow';
import type { QualifyInput, QualifyOverrides } from '@baton/qualify';
import type { HandoffActivities } from '@baton/workflows/contract';
import type { ActivityPorts } from './activity-ports';
import { appendLeadEvent, findStepEvent } from './support/lead-events';
import { storableJson } from '@baton/text';

/** The qualify node may name its own model, timeout, business profile and hot-lead guidance. */
const qualifyOverrides = (config: QualifyConfig): QualifyOverrides => ({
  ...(config.model ? { model: config.model } : {}),
  timeoutMs: config.timeoutMs,
  profile: config.profile,
  ...(config.hotWhen ? { hotWhen: config.hotWhen } : {}),
});

export const qualifyLead =
  ({ dataSource, qualifier }: ActivityPorts): HandoffActivities['qualifyLead'] =>
  async ({ leadId, stepId, config: rawConfig }) => {
    const config = qualifyConfigSchema.parse(rawConfig);
    // A retry after the result was stored must not ask the model again (and maybe get another answer).
    const done = await findStepEvent(dataSource, leadId, stepId, ['qualified']);
    if (done) return { qualification: done.data['qualification'] as Record<string, unknown> };

    const [lead] = (await dataSource.query(
      `SELECT name, email, phone, company, message, custom_fields, context FROM leads WHERE id = $1`,
      [leadId],
    )) as {
      name: string;
      email: string | null;
      phone: string | null;
      company: string | null;
      message: string | null;
      custom_fields: QualifyInput['customFields'];
      context: QualifyInput['context'];
    }[];
    if (!lead)
      throw ApplicationFailure.nonRetryable(`Lead ${leadId} does not exist`, 'LeadNotFound');
    const { fallbackReason, ...scored } = await qualifier.qualify(
      {
        name: lead.name,
        email: lead.email,
        phone: lead.phone,
        company: lead.company,
        message: lead.message,
        customFields: lead.custom_fields,
        context: lead.context,
      },
      qualifyOverrides(config),
    );
    // minScore lets later conditions test a plain qualification.qualified flag.
    const qualification: Record<string, unknown> =
      config.minScore === undefined
        ? scored
        : { ...scored, qualified: scored.score >= config.minScore };
    await dataSource.transaction(async (m) => {
      await m.query(`UPDATE leads SET qualification = $2, updated_at = now() WHERE id = $1`, [
        leadId,
        JSON.stringify(storableJson(qualification)),
      ]);
      await appendLeadEvent(m, {
        leadId,
        stepId,
        type: 'qualified',
        data: { ...qualification, qualification, ...(fallbackReason ? { fallbackReason } : {}) },
      });
    });
    return { qualification };
  };
