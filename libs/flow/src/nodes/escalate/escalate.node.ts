import { z } from 'zod';
import { slaSchema } from '../../business-time/sla.schema';
import { defineNode } from '../../catalogue/define-node';

export const escalateConfigSchema = z
  .object({
    maxRounds: z
      .number()
      .int()
      .min(1)
      .max(10)
      .default(2)
      .describe('How many times to escalate before moving on'),
    reassign: z
      .boolean()
      .default(true)
      .describe('Hand the lead to the next eligible person each round'),
    notifyManager: z.boolean().default(true).describe("Alert the team's manager each round"),
    roundSla: slaSchema
      .default({ minutes: 15, mode: 'business' })
      .describe('How long each round waits for contact before the next one'),
  })
  .refine((config) => config.reassign || config.notifyManager, {
    message: 'an escalation must alert the manager, reassign the lead, or both',
    path: ['notifyManager'],
  });
export type EscalateConfig = z.output<typeof escalateConfigSchema>;

export const escalateNode = defineNode({
  type: 'escalate',
  title: 'Escalate',
  description:
    'Up to maxRounds rounds: alert the team\'s manager and/or reassign to the next eligible person who has not held the lead, then wait roundSla for contact. Leaves by "next" once contact is made or the rounds are spent.',
  category: 'routing',
  configSchema: escalateConfigSchema,
  defaultConfig: {
    maxRounds: 2,
    reassign: true,
    notifyManager: true,
    roundSla: { minutes: 15, mode: 'business' },
  },
  handles: ['next'],
  references: (config) =>
    config.roundSla.scheduleId
      ? [{ kind: 'schedule', id: config.roundSla.scheduleId, field: 'roundSla.scheduleId' }]
      : [],
});
