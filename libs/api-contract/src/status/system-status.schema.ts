import { z } from 'zod';

/**
 * How each part of an install stands, for the status page: ok, needs attention (configured but
 * not working), or not configured (optional parts: Baton works without them, with less).
 */
export const statusStates = ['ok', 'attention', 'not_configured'] as const;
export type StatusState = (typeof statusStates)[number];
const state = z.enum(statusStates);

export const modelStatusSchema = z
  .object({
    state,
    configured: z.boolean().describe('OLLAMA_HOST is set'),
    host: z.string().nullable(),
    model: z.string().describe('OLLAMA_MODEL: the model the qualifier asks'),
    reachable: z.boolean().nullable().describe('Ollama answered; null when not configured'),
    modelPresent: z
      .boolean()
      .nullable()
      .describe('Ollama lists the model; null when it could not be asked'),
    detail: z.string().nullable().describe('Why it is not ok, for people'),
    pullCommand: z
      .string()
      .nullable()
      .describe('The command that fetches the model, when Ollama answers without it'),
    lastQualification: z
      .object({
        at: z.iso.datetime(),
        method: z.enum(['llm', 'heuristic']),
        model: z.string().nullable(),
        latencyMs: z.number().min(0).nullable(),
        fallbackReason: z.string().nullable(),
      })
      .nullable()
      .describe('The latest qualified lead event; null before the first lead'),
    recent: z
      .object({ total: z.number().int().min(0), heuristic: z.number().int().min(0) })
      .describe('Of the latest qualifications (up to 20), how many the heuristic scored'),
  })
  .meta({ id: 'ModelStatus' });
export type ModelStatus = z.infer<typeof modelStatusSchema>;

export const smtpStatusSchema = z
  .object({
    state,
    configured: z.boolean().describe('SMTP_URL is set'),
    host: z.string().nullable().describe('host:port of the relay, without credentials'),
    capturing: z
      .boolean()
      .describe('No relay: outgoing mail is captured and shown in the app (npm start mode)'),
    lastDeliveryAt: z.iso.datetime().nullable().describe('The latest email a notify step sent'),
    lastFailure: z
      .object({ at: z.iso.datetime(), message: z.string() })
      .nullable()
      .describe('The latest failure of an email notify step'),
  })
  .meta({ id: 'SmtpStatus' });
export type SmtpStatus = z.infer<typeof smtpStatusSchema>;

export const temporalStatusSchema = z
  .object({ state, reachable: z.boolean(), address: z.string() })
  .meta({ id: 'TemporalStatus' });
export type TemporalStatus = z.infer<typeof temporalStatusSchema>;

/** GET /api/v1/status: the model, mail and Temporal, as admins and managers see them. */
export const systemStatusSchema = z
  .object({
    checkedAt: z.iso.datetime(),
    model: modelStatusSchema,
    smtp: smtpStatusSchema,
    temporal: temporalStatusSchema,
  })
  .meta({ id: 'SystemStatus' });
export type SystemStatus = z.infer<typeof systemStatusSchema>;

/** One email the local capture received (npm start mode), as GET /api/v1/dev/mail lists it. */
export const capturedMailSchema = z
  .object({
    id: z.string(),
    receivedAt: z.iso.datetime(),
    // Headers as the message had them: a message may lack any of them.
    from: z.string().optional(),
    to: z.string().optional(),
    subject: z.string().optional(),
    text: z.string().optional(),
  })
  .meta({ id: 'CapturedMail' });
export type CapturedMail = z.infer<typeof capturedMailSchema>;

export const capturedMailListSchema = z
  .object({ items: z.array(capturedMailSchema) })
  .meta({ id: 'CapturedMailList' });
export type CapturedMailList = z.infer<typeof capturedMailListSchema>;
