import { z } from 'zod';
import {
  metricsFiltersSchema,
  metricsGroupBySchema,
  metricsGroupSchema,
  metricsScopeFields,
} from './metrics-window';
import { timedBucketKeys } from './response-buckets';

export const leadAgingQuerySchema = z.object({ ...metricsScopeFields }).strict();
export type LeadAgingQuery = z.infer<typeof leadAgingQuerySchema>;

const count = z.number().int().nonnegative();

/** Open leads (new, routed, assigned, unhandled) without a first contact, aged now − received_at. */
export const leadAgingRowSchema = z
  .object({
    waiting: count,
    /** Of those, the ones whose SLA deadline has passed. */
    pastSla: count,
    oldestSeconds: z.number().nullable(),
    medianSeconds: z.number().nullable(),
    buckets: z.array(z.object({ bucket: z.enum(timedBucketKeys), leads: count })),
  })
  .meta({ id: 'LeadAgingRow' });
export type LeadAgingRow = z.infer<typeof leadAgingRowSchema>;

export const leadAgingSchema = z
  .object({
    asOf: z.iso.datetime(),
    groupBy: metricsGroupBySchema,
    filters: metricsFiltersSchema,
    total: leadAgingRowSchema,
    groups: z.array(leadAgingRowSchema.extend({ group: metricsGroupSchema })),
  })
  .meta({ id: 'LeadAging' });
export type LeadAging = z.infer<typeof leadAgingSchema>;
