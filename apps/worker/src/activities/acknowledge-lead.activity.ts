import type { AlertKind } from '@baton/api-contract';
import type { HandoffActivities } from '@baton/workflows/contract';
import type { ActivityPorts } from './activity-ports';
import { appendLeadEvent } from './support/lead-events';

/** The alerts that chase someone to act on a lead: pointless once somebody else has taken it. */
const CHASING_ALERTS: AlertKind[] = ['reminder', 'escalation'];

/**
 * The first acknowledgement of a lead (its first claim, or its owner's acknowledge) sets
 * acknowledged_at and goes on the timeline once; every one withdraws the open reminders and
 * escalations about the lead addressed to anyone but the person who took it on.
 */
export const acknowledgeLead =
  ({ dataSource }: ActivityPorts): HandoffActivities['acknowledgeLead'] =>
  async ({ leadId, stepId, userId, at, via }) =>
    dataSource.transaction(async (m) => {
      const [[lead]] = (await m.query(
        `UPDATE leads SET acknowledged_at = coalesce(acknowledged_at, $2), updated_at = now()
         WHERE id = $1
         RETURNING acknowledged_at, date_part('epoch', acknowledged_at - received_at) AS seconds`,
        [leadId, at],
      )) as [{ acknowledged_at: Date; seconds: number }[], number];
      if (!lead) throw new Error(`Lead ${leadId} does not exist`);
      const withdrawn = (await m.query(
        `UPDATE notifications SET acknowledged_at = now()
         WHERE lead_id = $1 AND user_id <> $2 AND acknowledged_at IS NULL AND kind = ANY($3)
         RETURNING id`,
        [leadId, userId, CHASING_ALERTS],
      )) as [unknown[], number];
      const acknowledgedAt = lead.acknowledged_at.toISOString();
      // A retried attempt finds its own time stored: the event is written once either way.
      if (acknowledgedAt === new Date(at).toISOString()) {
        await appendLeadEvent(m, {
          leadId,
          stepId,
          type: 'acknowledged',
          actorType: 'user',
          actorId: userId,
          data: {
            via,
            at: acknowledgedAt,
            secondsAfterReceived: Math.max(0, Math.round(lead.seconds * 1000) / 1000),
            withdrawnAlerts: withdrawn[1],
          },
        });
      }
      return { acknowledgedAt, withdrawnAlerts: withdrawn[1] };
    });
