import { z } from 'zod';

/**
 * What raised an alert: a new lead assigned, an SLA reminder, an escalation to a manager, a lead
 * nobody could take (unhandled), a rep flagged for repeated breaches, a notify step's in-app
 * message, a step that failed.
 */
export const alertKinds = [
  'new_lead',
  'reminder',
  'escalation',
  'unhandled',
  'flagged',
  'message',
  'step_failed',
] as const;
export type AlertKind = (typeof alertKinds)[number];

/** One in-app alert of the signed-in person (a reminder, an escalation, a flagged lead…). */
export const alertSchema = z
  .object({
    id: z.uuid(),
    kind: z.enum(alertKinds),
    title: z.string(),
    body: z.string(),
    lead: z.object({ id: z.uuid(), name: z.string() }).nullable(),
    createdAt: z.iso.datetime(),
    acknowledgedAt: z.iso.datetime().nullable(),
  })
  .meta({ id: 'Alert' });
export type Alert = z.infer<typeof alertSchema>;

export const alertStates = ['unread', 'all'] as const;
export type AlertState = (typeof alertStates)[number];

export const alertListQuerySchema = z
  .object({
    state: z
      .enum(alertStates)
      .default('unread')
      .describe('unread: not yet acknowledged (the default); all: acknowledged ones too'),
    limit: z.coerce.number().int().min(1).max(100).default(25),
    cursor: z.string().max(200).optional().describe('nextCursor of the previous page'),
  })
  .strict();
export type AlertListQuery = z.infer<typeof alertListQuerySchema>;

export const alertListSchema = z
  .object({ items: z.array(alertSchema), nextCursor: z.string().nullable() })
  .meta({ id: 'AlertList' });
export type AlertList = z.infer<typeof alertListSchema>;

export const alertUnreadCountSchema = z
  .object({ unread: z.number().int().min(0) })
  .meta({ id: 'AlertUnreadCount' });
export type AlertUnreadCount = z.infer<typeof alertUnreadCountSchema>;

export const alertAcknowledgementSchema = z
  .object({ alert: alertSchema, unread: z.number().int().min(0) })
  .meta({ id: 'AlertAcknowledgement' });
export type AlertAcknowledgement = z.infer<typeof alertAcknowledgementSchema>;

export const alertsAcknowledgedSchema = z
  .object({
    acknowledged: z.number().int().min(0).describe('How many were unread and are now acknowledged'),
  })
  .meta({ id: 'AlertsAcknowledged' });
export type AlertsAcknowledged = z.infer<typeof alertsAcknowledgedSchema>;
