import type { HandoffActivities } from '@baton/workflows/contract';
import type { ActivityPorts } from './activity-ports';
import { alertPeople } from './people/alert-people';
import { managersFor, ownerOf } from './people/lead-people';
import { appendLeadEvent } from './support/lead-events';

export const recordEvent =
  ({ dataSource }: ActivityPorts): HandoffActivities['recordEvent'] =>
  ({ leadId, stepId, type, data, actorUserId, alert }) =>
    dataSource.transaction(async (m) => {
      const written = await appendLeadEvent(m, {
        leadId,
        stepId,
        type,
        data,
        actorType: actorUserId ? 'user' : 'system',
        actorId: actorUserId ?? null,
      });
      if (alert) {
        // The owner and whoever the lead escalates to; the insert is per (lead, step, person),
        // so a retried step alerts nobody twice.
        const owner = await ownerOf(m, leadId);
        const people = [...(owner ? [owner] : []), ...(await managersFor(m, leadId))];
        const unique = [...new Map(people.map((p) => [p.id, p])).values()];
        await alertPeople(m, unique, {
          leadId,
          stepId,
          kind: 'step_failed',
          title: (name) => `${alert}: ${name}`,
          body: typeof data?.['message'] === 'string' ? data['message'] : '',
        });
      }
      return written;
    });
