import type { HandoffActivities } from '@baton/workflows/contract';
import type { ActivityPorts, BreachPolicy } from './activity-ports';
import { managersFor, personById } from './people/lead-people';
import { alertPeople } from './people/alert-people';
import { createInAppNotifications } from './support/in-app-notifications';
import { appendLeadEvent, notifyLeadChanged } from './support/lead-events';

const DEFAULT_BREACH_POLICY: BreachPolicy = { flagAfter: 3, windowDays: 7, setAway: false };

/** The deadline shown in the inbox and used by the "breaching" filter. */
export const startSla =
  ({ dataSource }: ActivityPorts): HandoffActivities['startSla'] =>
  async ({ leadId, dueAt }) => {
    await dataSource.query(`UPDATE leads SET sla_due_at = $2, updated_at = now() WHERE id = $1`, [
      leadId,
      dueAt,
    ]);
    await notifyLeadChanged(dataSource, leadId);
  };

export const remindOwner =
  ({ dataSource }: ActivityPorts): HandoffActivities['remindOwner'] =>
  async ({ leadId, stepId, ownerId, minutesLeft }) => {
    const owner = ownerId ? await personById(dataSource, ownerId) : null;
    const recipients = owner ? [owner] : await managersFor(dataSource, leadId);
    await dataSource.transaction(async (m) => {
      const recipient = await alertPeople(m, recipients, {
        leadId,
        stepId,
        kind: 'reminder',
        title: (name) => `${name} is waiting`,
        body: `${minutesLeft} min left to make contact.`,
      });
      await appendLeadEvent(m, {
        leadId,
        stepId,
        type: 'reminded',
        data: { recipient, minutesLeft },
      });
    });
  };

/**
 * Records a missed SLA. A rep who misses it `flagAfter` times within `windowDays` is flagged,
 * with the reason on record (and set away when the policy says so); their managers are told.
 */
export const recordBreach =
  ({
    dataSource,
    breachPolicy = DEFAULT_BREACH_POLICY,
  }: ActivityPorts): HandoffActivities['recordBreach'] =>
  async ({ leadId, stepId, ownerId, dueAt }) =>
    dataSource.transaction(async (m) => {
      const owner = ownerId ? await personById(m, ownerId) : null;
      const written = await appendLeadEvent(m, {
        leadId,
        stepId,
        type: 'breached',
        data: { ownerId, ownerName: owner?.name ?? null, dueAt },
      });
      if (!written || !owner) return;
      const [{ n }] = (await m.query(
        `SELECT count(*)::int AS n FROM lead_events WHERE type = 'breached' AND data->>'ownerId' = $1
           AND occurred_at > now() - make_interval(days => $2)`,
        [owner.id, breachPolicy.windowDays],
      )) as [{ n: number }];
      if (n < breachPolicy.flagAfter) return;
      const reason = `Missed the speed-to-lead SLA ${n} times in ${breachPolicy.windowDays} days`;
      const flagged = (await m.query(
        `UPDATE users SET flagged_at = now(), flag_reason = $2, status = CASE WHEN $3 THEN 'away' ELSE status END, updated_at = now()
         WHERE id = $1 AND flagged_at IS NULL RETURNING id`,
        [owner.id, reason, breachPolicy.setAway],
      )) as [unknown[], number];
      if (flagged[1] === 0) return;
      await m.query(
        `UPDATE lead_events SET data = data || '{"flagged": true}' WHERE lead_id = $1 AND step_id = $2 AND type = 'breached'`,
        [leadId, stepId],
      );
      const managers = await managersFor(m, leadId);
      await createInAppNotifications(
        m,
        managers.map((p) => p.id),
        {
          leadId,
          stepId: `${stepId}:flag`,
          kind: 'flagged',
          title: `${owner.name} was flagged`,
          body: `${reason}${breachPolicy.setAway ? '; set to away until you review it' : ''}.`,
        },
      );
    });
