import { z } from 'zod';

/** GET /api/v1/demo-data: how much of the demo's sample history is still there. */
export const demoDataSchema = z
  .object({
    /** Sample leads the demo seed generated; 0 when there are none (or they were removed). */
    sampleLeads: z.number().int().min(0),
  })
  .meta({ id: 'DemoData' });
export type DemoData = z.infer<typeof demoDataSchema>;

/** DELETE /api/v1/demo-data: what was removed (0 on a repeat; real leads are never touched). */
export const demoDataRemovedSchema = z
  .object({ removedLeads: z.number().int().min(0) })
  .meta({ id: 'DemoDataRemoved' });
export type DemoDataRemoved = z.infer<typeof demoDataRemovedSchema>;
