import { ApplicationFailure } from '@temporalio/activity';
import type { DataSource } from '@baton/db';
import type { QualifyConfig } from '@baton/flow';
import type { Qualification, QualifyInput, QualifyOverrides } from '@baton/qualify';
import { storableJson } from '@baton/text';
import { appendLeadEvent, findStepEvent } from './lead-events';

/** The qualify node may name its own model, timeout, business profile and hot-lead guidance. */
export const qualifyOverrides = (config: QualifyConfig): QualifyOverrides => ({
  ...(config.model ? { model: config.model } : {}),
  timeoutMs: config.timeoutMs,
  profile: config.profile,
  ...(config.hotWhen ? { hotWhen: config.hotWhen } : {}),
});

/** What the qualifier reads about a lead; a lead that is gone fails the step for good. */
export async function loadQualifyInput(
  dataSource: DataSource,
  leadId: string,
): Promise<QualifyInput> {
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
  if (!lead) throw ApplicationFailure.nonRetryable(`Lead ${leadId} does not exist`, 'LeadNotFound');
  return {
    name: lead.name,
    email: lead.email,
    phone: lead.phone,
    company: lead.company,
    message: lead.message,
    customFields: lead.custom_fields,
    context: lead.context,
  };
}

/** minScore lets later conditions test a plain qualification.qualified flag. */
export const withMinScore = (
  scored: Qualification,
  config: QualifyConfig,
): Record<string, unknown> =>
  config.minScore === undefined
    ? scored
    : { ...scored, qualified: scored.score >= config.minScore };

/** The qualification a step already stored: a retry returns it instead of scoring again. */
export async function storedQualification(
  dataSource: DataSource,
  leadId: string,
  stepId: string,
): Promise<Record<string, unknown> | null> {
  const done = await findStepEvent(dataSource, leadId, stepId, ['qualified']);
  return done ? (done.data['qualification'] as Record<string, unknown>) : null;
}

/**
 * Who answered, how long it took, and why the heuristic did when it did: goes on the
 * `qualified` event beside the qualification (method and model are part of it).
 */
export interface QualificationTiming {
  /** How long the scorer itself took (the model's HTTP call, or the heuristic). */
  latencyMs: number;
  /** Model: how long the call queued for its turn. Heuristic: how long the lead waited for the model first. */
  waitedMs?: number;
  fallbackReason?: string;
  /** decide_now: the step id of the heuristic score this model answer refines. */
  refines?: string;
}

/**
 * Stores the lead's qualification and its `qualified` event in one transaction. When the step
 * already stored one (a retry racing a late first attempt), that one wins and is returned.
 */
export async function storeQualification(
  dataSource: DataSource,
  step: { leadId: string; stepId: string },
  qualification: Record<string, unknown>,
  timing: QualificationTiming,
): Promise<Record<string, unknown>> {
  const written = await dataSource.transaction(async (m) => {
    const appended = await appendLeadEvent(m, {
      leadId: step.leadId,
      stepId: step.stepId,
      type: 'qualified',
      data: { ...qualification, qualification, ...timing },
    });
    if (appended) {
      await m.query(`UPDATE leads SET qualification = $2, updated_at = now() WHERE id = $1`, [
        step.leadId,
        JSON.stringify(storableJson(qualification)),
      ]);
    }
    return appended;
  });
  if (written) return qualification;
  return (await storedQualification(dataSource, step.leadId, step.stepId)) ?? qualification;
}
