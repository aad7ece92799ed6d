import { z } from 'zod';

/** Install-wide settings an admin can change. Each maps to one row of the settings table. */
export const settingsSchema = z
  .object({
    averageDealValue: z.number().min(0).max(1e12).describe('Used by the revenue-leak metric'),
    defaultScheduleId: z
      .uuid()
      .nullable()
      .describe('Business hours for SLAs that name none, and for after-hours reporting'),
  })
  .meta({ id: 'Settings' });
export type Settings = z.infer<typeof settingsSchema>;

export const updateSettingsSchema = settingsSchema
  .partial()
  .strict()
  .meta({ id: 'UpdateSettings' });
export type UpdateSettings = z.infer<typeof updateSettingsSchema>;
