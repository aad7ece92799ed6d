import { z } from 'zod';
import { defineNode } from '../../catalogue/define-node';

export const businessHoursConfigSchema = z.object({
  scheduleId: z.string().min(1, 'pick a schedule').describe('The schedule to check'),
});
export type BusinessHoursConfig = z.output<typeof businessHoursConfigSchema>;

export const businessHoursNode = defineNode({
  type: 'business_hours',
  title: 'Business hours',
  description: 'Is the schedule open right now? Leaves by "open" or "closed".',
  category: 'logic',
  configSchema: businessHoursConfigSchema,
  defaultConfig: { scheduleId: '' },
  handles: ['open', 'closed'],
  references: (config) => [{ kind: 'schedule', id: config.scheduleId, field: 'scheduleId' }],
});
