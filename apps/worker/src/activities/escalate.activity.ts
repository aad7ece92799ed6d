import type { HandoffActivities } from '@baton/workflows/contract';
import type { ActivityPorts } from './activity-ports';
import { managersFor, personById } from './people/lead-people';
import { alertPeople } from './people/alert-people';
import { appendLeadEvent } from './support/lead-events';

export const escalate =
  ({ dataSource }: ActivityPorts): HandoffActivities['escalate'] =>
  async ({ leadId, stepId, round, maxRounds, ownerId, notifyManager }) =>
    dataSource.transaction(async (m) => {
      const managers = notifyManager ? await managersFor(m, leadId) : [];
      const owner = ownerId ? await personById(m, ownerId) : null;
      const recipient = await alertPeople(m, managers, {
        leadId,
        stepId,
        kind: 'escalation',
        title: (name) => `Escalation ${round}/${maxRounds}: ${name} has not been contacted`,
        body: owner
          ? `${owner.name} has not reached the lead in time.`
          : 'Nobody has reached the lead in time.',
      });
      await appendLeadEvent(m, {
        leadId,
        stepId,
        type: 'escalated',
        data: {
          round,
          maxRounds,
          recipient: recipient || null,
          ownerName: owner?.name ?? null,
        },
      });
    });
