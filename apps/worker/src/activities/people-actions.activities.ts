import { assignConfigSchema } from '@baton/flow';
import type { AssignResult, HandoffActivities } from '@baton/workflows/contract';
import type { ActivityPorts } from './activity-ports';
import { assignLead } from './assign-lead.activity';
import { OPEN_LEAD_STATUSES } from '@baton/db';
import { appendLeadEvent } from './support/lead-events';

// What people do to a lead, applied by the workflow (the single writer of a lead's state).

export const markContacted =
  ({ dataSource }: ActivityPorts): HandoffActivities['markContacted'] =>
  async ({ leadId, stepId, userId, at }) =>
    dataSource.transaction(async (m) => {
      await m.query(
        `UPDATE leads SET status = 'contacted', first_contact_at = coalesce(first_contact_at, $3),
           first_response_at = coalesce(first_response_at, $3), owner_id = coalesce(owner_id, $2),
           assigned_at = coalesce(assigned_at, $3), updated_at = now()
         WHERE id = $1`,
        [leadId, userId, at],
      );
      await appendLeadEvent(m, {
        leadId,
        stepId,
        type: 'contacted',
        actorType: 'user',
        actorId: userId,
        data: { at },
      });
    });

export const claimLead =
  ({ dataSource }: ActivityPorts): HandoffActivities['claimLead'] =>
  async ({ leadId, stepId, userId }) =>
    dataSource.transaction(async (m) => {
      const [lead] = (await m.query(`SELECT owner_id, status FROM leads WHERE id = $1 FOR UPDATE`, [
        leadId,
      ])) as {
        owner_id: string | null;
        status: string;
      }[];
      const [user] = (await m.query(
        `SELECT u.name, u.role, u.status, u.out_of_office_until, u.capacity,
                (SELECT count(*)::int FROM leads l WHERE l.owner_id = u.id AND l.status = ANY($2)) AS open_leads
         FROM users u WHERE u.id = $1`,
        [userId, OPEN_LEAD_STATUSES],
      )) as {
        name: string;
        role: string;
        status: string;
        out_of_office_until: Date | null;
        capacity: number | null;
        open_leads: number;
      }[];
      if (!lead) return { ok: false, reason: 'This lead does not exist' };
      if (!user) return { ok: false, reason: 'Unknown person' };
      const refusal =
        user.role === 'admin'
          ? 'Admins cannot own leads'
          : user.status === 'away'
            ? 'You are set to away'
            : user.out_of_office_until && user.out_of_office_until > new Date()
              ? 'You are out of office'
              : user.capacity !== null && user.open_leads >= user.capacity
                ? `You are at capacity (${user.open_leads}/${user.capacity} open leads)`
                : lead.owner_id && lead.owner_id !== userId
                  ? 'Someone else owns this lead'
                  : !OPEN_LEAD_STATUSES.includes(lead.status)
                    ? `The lead is ${lead.status}`
                    : null;
      if (refusal) return { ok: false, reason: refusal };
      await m.query(
        `UPDATE leads SET owner_id = $2, status = 'assigned', assigned_at = coalesce(assigned_at, now()), updated_at = now() WHERE id = $1`,
        [leadId, userId],
      );
      await appendLeadEvent(m, {
        leadId,
        stepId,
        type: 'claimed',
        actorType: 'user',
        actorId: userId,
      });
      return { ok: true, reason: 'claimed', ownerName: user.name };
    });

export const reassignLead =
  (ports: ActivityPorts): HandoffActivities['reassignLead'] =>
  async ({ leadId, stepId, byUserId, toUserId, excludeUserIds, reason, config }) => {
    if (!toUserId) {
      // "Someone else": the same pool the flow used, minus everyone who held it.
      if (!config)
        return {
          ownerId: null,
          ownerName: null,
          explanation: 'Name the person: this lead was not routed through a pool',
          eligibleUserIds: [],
        };
      return assignLead(ports)({
        leadId,
        stepId,
        config: assignConfigSchema.parse(config),
        excludeUserIds,
        reason: 'escalation',
      });
    }
    return ports.dataSource.transaction(async (m): Promise<AssignResult> => {
      const [target] = (await m.query(`SELECT id, name, role, status FROM users WHERE id = $1`, [
        toUserId,
      ])) as {
        id: string;
        name: string;
        role: string;
        status: string;
      }[];
      if (!target || target.role === 'admin')
        return {
          ownerId: null,
          ownerName: null,
          explanation: 'That person cannot own leads',
          eligibleUserIds: [],
        };
      const [prev] = (await m.query(`SELECT owner_id FROM leads WHERE id = $1 FOR UPDATE`, [
        leadId,
      ])) as { owner_id: string | null }[];
      await m.query(
        `UPDATE leads SET owner_id = $2, assigned_at = coalesce(assigned_at, now()), updated_at = now() WHERE id = $1`,
        [leadId, toUserId],
      );
      const explanation = `Reassigned to ${target.name}: ${reason}`;
      await appendLeadEvent(m, {
        leadId,
        stepId,
        type: 'reassigned',
        actorType: 'user',
        actorId: byUserId,
        data: {
          ownerId: toUserId,
          ownerName: target.name,
          previousOwnerId: prev?.owner_id ?? null,
          reason,
        },
      });
      return { ownerId: toUserId, ownerName: target.name, explanation, eligibleUserIds: [] };
    });
  };

export const disqualifyLead =
  ({ dataSource }: ActivityPorts): HandoffActivities['disqualifyLead'] =>
  async ({ leadId, stepId, byUserId, reason, spam }) =>
    dataSource.transaction(async (m) => {
      await m.query(`UPDATE leads SET status = $2, updated_at = now() WHERE id = $1`, [
        leadId,
        spam ? 'spam' : 'disqualified',
      ]);
      await appendLeadEvent(m, {
        leadId,
        stepId,
        type: 'disqualified',
        actorType: 'user',
        actorId: byUserId,
        data: spam ? { reason, spam: true } : { reason },
      });
    });

export const addNote =
  ({ dataSource }: ActivityPorts): HandoffActivities['addNote'] =>
  async ({ leadId, stepId, byUserId, text }) => {
    await appendLeadEvent(dataSource, {
      leadId,
      stepId,
      type: 'note',
      actorType: 'user',
      actorId: byUserId,
      data: { text },
    });
  };
