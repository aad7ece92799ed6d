import type { HandoffActivities } from '@baton/workflows/contract';
import type { ActivityPorts } from './activity-ports';
import { managersFor } from './people/lead-people';
import { alertPeople } from './people/alert-people';
import { appendLeadEvent } from './support/lead-events';

const statusFor = {
  contacted: 'contacted',
  disqualified: 'disqualified',
  unhandled: 'unhandled',
  spam: 'spam',
  other: null,
} as const;

export const finishLead =
  ({ dataSource }: ActivityPorts): HandoffActivities['finishLead'] =>
  async ({ leadId, stepId, outcome }) =>
    dataSource.transaction(async (m) => {
      const status = statusFor[outcome];
      // A lead someone contacted stays contacted whatever the flow's end says.
      if (status) {
        await m.query(
          `UPDATE leads SET status = $2, updated_at = now() WHERE id = $1 AND status <> 'contacted'`,
          [leadId, status],
        );
      }
      if (outcome === 'unhandled') {
        const recipient = await alertPeople(m, await managersFor(m, leadId), {
          leadId,
          stepId,
          kind: 'unhandled',
          title: (name) => `${name} is unhandled`,
          body: 'Every escalation round passed without contact. Please take it.',
        });
        await appendLeadEvent(m, { leadId, stepId, type: 'unhandled', data: { recipient } });
        return;
      }
      await appendLeadEvent(m, {
        leadId,
        stepId,
        type: 'routed',
        data: { reason: `Flow finished: ${outcome}`, outcome },
      });
    });
