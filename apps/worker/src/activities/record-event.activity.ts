import { LEAD_CHANGED_CHANNEL } from '@baton/db';
import type { HandoffActivities } from '@baton/workflows/contract';
import type { ActivityPorts } from './activity-ports';


export const recordEvent =
  ({ dataSource }: ActivityPorts): HandoffActivities['recordEvent'] =>
  async ({ leadId, stepId, type, data }) => {
    // The partial unique index on (lead_id, step_id, type) turns a retried step into a no-op.
    const rows: unknown[] = await dataSource.query(
      `WITH inserted AS (
         INSERT INTO lead_events (lead_id, type, step_id, actor_type, data)
         VALUES ($1, $2, $3, 'system', $4)
         ON CONFLICT (lead_id, step_id, type) WHERE step_id IS NOT NULL DO NOTHING
         RETURNING id
       )
       SELECT id, pg_notify($5, $1::text) FROM inserted`,
      [leadId, type, stepId, JSON.stringify(data ?? {}), LEAD_CHANGED_CHANNEL],
    );
    return rows.length > 0;
  };
