import { z } from 'zod';
import { durationMinutesSchema, slaSchema } from '../../business-time/sla.schema';
import { defineNode } from '../../catalogue/define-node';

export const waitForContactConfigSchema = z
  .object({
    sla: slaSchema,
    reminders: z
      .array(durationMinutesSchema)
      .max(10)
      .default([])
      .describe('Remind the owner this many minutes after the wait starts (counted like the SLA)'),
    endOn: z
      .enum(['contact', 'claim'])
      .default('contact')
      .describe(
        'What ends the wait by "contacted": first contact with the lead, or a rep claiming (acknowledging) it, so the owner has taken it on before the SLA runs out',
      ),
  })
  .superRefine((config, ctx) => {
    const seen = new Set<number>();
    config.reminders.forEach((minutes, index) => {
      if (minutes >= config.sla.minutes) {
        ctx.addIssue({
          code: 'custom',
          path: ['reminders', index],
          message: `a reminder at ${minutes} minutes comes after the ${config.sla.minutes}-minute SLA has run out`,
        });
      }
      if (seen.has(minutes)) {
        ctx.addIssue({
          code: 'custom',
          path: ['reminders', index],
          message: `two reminders at ${minutes} minutes`,
        });
      }
      seen.add(minutes);
    });
  });
export type WaitForContactConfig = z.output<typeof waitForContactConfigSchema>;

export const waitForContactNode = defineNode({
  type: 'wait_for_contact',
  title: 'Wait for contact',
  description:
    'Starts the speed-to-lead timer with reminders; leaves by "contacted" when someone reaches (or, if set, claims) the lead, or "breached" when the SLA runs out.',
  category: 'timing',
  configSchema: waitForContactConfigSchema,
  defaultConfig: { sla: { minutes: 15, mode: 'business' }, reminders: [5, 10] },
  handles: ['contacted', 'breached'],
  waits: true,
  references: (config) =>
    config.sla.scheduleId
      ? [{ kind: 'schedule', id: config.sla.scheduleId, field: 'sla.scheduleId' }]
      : [],
});
