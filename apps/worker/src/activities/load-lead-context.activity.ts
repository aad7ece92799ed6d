import { ApplicationFailure } from '@temporalio/activity';
import { LeadEntity } from '@baton/db';
import type { HandoffActivities } from '@baton/workflows/contract';
import type { ActivityPorts } from './activity-ports';
import { isUuid } from './support/is-uuid';

export const loadLeadContext =
  ({ dataSource }: ActivityPorts): HandoffActivities['loadLeadContext'] =>
  async (leadId) => {
    if (!isUuid(leadId)) {
      throw ApplicationFailure.nonRetryable(`Not a lead id: ${String(leadId)}`, 'InvalidLeadId');
    }
    const lead = await dataSource.getRepository(LeadEntity).findOneBy({ id: leadId });
    if (!lead) {
      // Retrying cannot make a missing lead appear; fail the workflow visibly instead.
      throw ApplicationFailure.nonRetryable(`Lead ${leadId} does not exist`, 'LeadNotFound');
    }
    return { leadId: lead.id, receivedAt: lead.receivedAt.toISOString(), status: lead.status };
  };
