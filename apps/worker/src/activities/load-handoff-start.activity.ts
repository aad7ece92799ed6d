import { ApplicationFailure } from '@temporalio/activity';
import { flowGraphSchema } from '@baton/flow';
import type { HandoffActivities } from '@baton/workflows/contract';
import type { ActivityPorts } from './activity-ports';
import { loadSchedules } from '@baton/db';
import { isUuid } from './support/is-uuid';

export const loadHandoffStart =
  ({ dataSource }: ActivityPorts): HandoffActivities['loadHandoffStart'] =>
  async (leadId) => {
    if (!isUuid(leadId))
      throw ApplicationFailure.nonRetryable(`Not a lead id: ${String(leadId)}`, 'InvalidLeadId');
    const [lead] = (await dataSource.query(
      `SELECT l.*, s.slug AS source_slug, s.name AS source_name, fv.graph AS flow_graph, t.schedule_id AS team_schedule_id
       FROM leads l JOIN sources s ON s.id = l.source_id
       LEFT JOIN flow_versions fv ON fv.id = l.flow_version_id
       LEFT JOIN teams t ON t.id = l.team_id
       WHERE l.id = $1`,
      [leadId],
    )) as Record<string, unknown>[];
    // Retrying cannot make a missing lead appear; fail the workflow visibly instead.
    if (!lead)
      throw ApplicationFailure.nonRetryable(`Lead ${leadId} does not exist`, 'LeadNotFound');

    const graph = lead['flow_graph'] ? flowGraphSchema.parse(lead['flow_graph']) : null;
    const schedules = await loadSchedules(dataSource);
    const [fallback] = (await dataSource.query(
      `SELECT value FROM settings WHERE key = 'defaultScheduleId'`,
    )) as { value: string }[];
    const receivedAt = (lead['received_at'] as Date).toISOString();
    return {
      leadId,
      receivedAt,
      status: String(lead['status']),
      ownerId: (lead['owner_id'] as string | null) ?? null,
      facts: {
        lead: {
          id: leadId,
          name: lead['name'],
          email: lead['email'],
          phone: lead['phone'],
          company: lead['company'],
          message: lead['message'],
          externalId: lead['external_id'],
          customFields: lead['custom_fields'],
          receivedAt,
          source: { id: lead['source_id'], slug: lead['source_slug'], name: lead['source_name'] },
        },
        context: (lead['context'] as Record<string, unknown>) ?? {},
      },
      flow: graph ? { versionId: String(lead['flow_version_id']), graph } : null,
      schedules,
      defaultScheduleId: (lead['team_schedule_id'] as string | null) ?? fallback?.value ?? null,
    };
  };
