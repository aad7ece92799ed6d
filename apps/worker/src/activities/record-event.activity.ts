import type { HandoffActivities } from '@baton/workflows/contract';
import type { ActivityPorts } from './activity-ports';
import { appendLeadEvent } from './support/lead-events';

export const recordEvent =
  ({ dataSource }: ActivityPorts): HandoffActivities['recordEvent'] =>
  ({ leadId, stepId, type, data, actorUserId }) =>
    appendLeadEvent(dataSource, {
      leadId,
      stepId,
      type,
      data,
      actorType: actorUserId ? 'user' : 'system',
      actorId: actorUserId ?? null,
    });
