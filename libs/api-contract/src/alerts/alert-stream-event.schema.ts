import { z } from 'zod';
import { alertSchema } from './alert.schema';

/** Server-sent event name on GET /api/v1/events when one of the person's alerts is new or acknowledged. */
export const alertStreamEventName = 'alert';

/**
 * The payload of an `alert` event: the alert as it is now, and the person's unread count after
 * it. `alert` is null when many changed at once (acknowledge all): reload the list.
 */
export const alertStreamEventSchema = z
  .object({ alert: alertSchema.nullable(), unread: z.number().int().min(0) })
  .meta({ id: 'AlertStreamEvent' });
export type AlertStreamEvent = z.infer<typeof alertStreamEventSchema>;
