import { z } from 'zod';
import { durationMinutesSchema } from '../../business-time/sla.schema';
import { defineNode } from '../../catalogue/define-node';

// One object with a refine rather than a union: the form shows two plain fields, and the
// message says exactly what is wrong instead of zod's generic "invalid union".
export const delayConfigSchema = z
  .object({
    minutes: durationMinutesSchema.optional().describe('Wait this many minutes'),
    untilScheduleOpen: z.string().min(1).optional().describe('Or wait until this schedule is open'),
  })
  .refine((config) => (config.minutes === undefined) !== (config.untilScheduleOpen === undefined), {
    message: 'set either minutes or a schedule to wait for, not both',
    path: ['minutes'],
  });
export type DelayConfig = z.output<typeof delayConfigSchema>;

export const delayNode = defineNode({
  type: 'delay',
  title: 'Delay',
  description:
    'Waits a number of minutes, or until a schedule opens (immediately when it is open).',
  category: 'timing',
  configSchema: delayConfigSchema,
  defaultConfig: { minutes: 15 },
  handles: ['next'],
  waits: true,
  references: (config) =>
    config.untilScheduleOpen
      ? [{ kind: 'schedule', id: config.untilScheduleOpen, field: 'untilScheduleOpen' }]
      : [],
});
