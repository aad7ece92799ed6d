import { defineActivity, type ActivityLead } from '@baton/activity-sdk';
import { z } from 'zod';

const leadFields = [
  'name',
  'email',
  'phone',
  'company',
  'message',
  'receivedAt',
  'source',
] as const;
type LeadField = (typeof leadFields)[number];

/** The CRM's record key for a lead: derived from the lead id, so every retry hits one record. */
export const externalIdFor = (leadId: string) => `baton-${leadId}`;

function leadRecord(lead: ActivityLead, fieldMap: Partial<Record<LeadField, string>> | undefined) {
  const values: Record<LeadField, unknown> = {
    name: lead.name,
    email: lead.email,
    phone: lead.phone,
    company: lead.company,
    message: lead.message,
    receivedAt: lead.receivedAt,
    source: lead.source.slug,
  };
  const fields: Record<string, unknown> = {};
  for (const field of leadFields) fields[fieldMap?.[field] ?? field] = values[field];
  return { ...fields, ...lead.customFields };
}

// The worker's http client throws a failure with `status` and `retryable`; a permanent 4xx
// will not pass on retry, so it leaves by the `failed` handle instead of being retried.
const permanentRejection = (error: unknown): number | undefined => {
  const { status, retryable } = error as { status?: unknown; retryable?: unknown };
  return typeof status === 'number' && status >= 400 && status < 500 && retryable === false
    ? status
    : undefined;
};

export const crmUpsert = defineActivity({
  name: 'crm.upsert',
  version: '1.0.0',
  title: 'Upsert into a CRM',
  description: 'Creates or updates the lead in a CRM over HTTP, keyed by the lead, signed.',
  category: 'integration',
  input: z.object({
    url: z.url({ protocol: /^https?$/ }).describe('The CRM endpoint that takes the record'),
    method: z.enum(['PUT', 'POST']).default('PUT'),
    secretRef: z
      .string()
      .regex(/^[a-z0-9][a-z0-9_-]*$/i)
      .describe('Secret that signs the request: `crm-key` reads BATON_SECRET_CRM_KEY'),
    fieldMap: z
      .partialRecord(z.enum(leadFields), z.string().min(1))
      .optional()
      .describe('Rename lead fields to the CRM’s names, e.g. {"name": "full_name"}'),
  }),
  output: z.object({
    status: z.number().int(),
    externalId: z.string(),
    reason: z.string().optional(),
  }),
  async run(input, context) {
    const externalId = externalIdFor(context.lead.id);
    const signingSecret = context.secrets.require(input.secretRef);
    try {
      const response = await context.http.send({
        url: input.url,
        method: input.method,
        body: {
          externalId,
          leadId: context.lead.id,
          fields: leadRecord(context.lead, input.fieldMap),
        },
        signingSecret,
        // Per lead, not per step: two flows upserting one lead are one record to the CRM.
        idempotencyKey: `crm-upsert:${context.lead.id}`,
      });
      context.logger.info('crm upsert accepted', { status: response.status, externalId });
      return { status: response.status, externalId };
    } catch (error) {
      const status = permanentRejection(error);
      if (status === undefined) throw error;
      const reason = (error as Error).message;
      context.logger.warn('crm upsert rejected', { status, externalId, reason });
      return { handle: 'failed', output: { status, externalId, reason } };
    }
  },
});
