import { assignConfigSchema, assignmentPoolKey, pickAssignee } from '@baton/flow';
import type { AssignResult, HandoffActivities } from '@baton/workflows/contract';
import type { EntityManager } from '@baton/db';
import type { ActivityPorts } from './activity-ports';
import { loadRoster, loadSchedules } from '@baton/db';
import { appendLeadEvent, findStepEvent } from './support/lead-events';

/**
 * Picks and stores an owner in one transaction. The pool's round-robin row is locked FOR UPDATE,
 * so concurrent leads take turns in order and counts stay fair; a retried step returns what it
 * decided the first time.
 */
export const assignLead =
  ({ dataSource }: ActivityPorts): HandoffActivities['assignLead'] =>
  async ({ leadId, stepId, config: rawConfig, excludeUserIds, reason }) => {
    const config = assignConfigSchema.parse(rawConfig);
    return dataSource.transaction(async (m) => {
      const done = await findStepEvent(m, leadId, stepId, ['assigned', 'reassigned', 'routed']);
      if (done) return done.data['result'] as AssignResult;

      const poolKey = assignmentPoolKey(config);
      await m.query(
        `INSERT INTO assignment_cursors (pool_key) VALUES ($1) ON CONFLICT DO NOTHING`,
        [poolKey],
      );
      const [cursor] = (await m.query(
        `SELECT position, counts FROM assignment_cursors WHERE pool_key = $1 FOR UPDATE`,
        [poolKey],
      )) as { position: number; counts: Record<string, number> }[];
      const [lead] = (await m.query(
        `SELECT owner_id, name, email, phone, company, custom_fields, context, qualification FROM leads WHERE id = $1 FOR UPDATE`,
        [leadId],
      )) as {
        owner_id: string | null;
        name: string;
        custom_fields: Record<string, unknown>;
        context: Record<string, unknown>;
        qualification: Record<string, unknown> | null;
      }[];
      if (!lead || !cursor) throw new Error(`Lead ${leadId} does not exist`);

      const pick = pickAssignee(config, await loadRoster(m), {
        now: new Date(),
        schedules: await loadSchedules(m),
        cursor: cursor.position,
        counts: cursor.counts,
        excludeUserIds,
        facts: {
          lead: { ...lead, customFields: lead.custom_fields },
          context: lead.context,
          qualification: lead.qualification ?? {},
        },
      });
      const eligibleUserIds = pick.considered.filter((c) => c.eligible).map((c) => c.userId);
      const ownerName = pick.considered.find((c) => c.userId === pick.userId)?.name ?? null;
      const result: AssignResult = {
        ownerId: pick.userId,
        ownerName,
        explanation: pick.explanation,
        eligibleUserIds,
      };
      const data = {
        result,
        ownerId: pick.userId,
        ownerName,
        reason: pick.explanation,
        strategy: pick.strategy,
        considered: pick.considered,
      };

      if (!pick.userId) {
        await appendLeadEvent(m, {
          leadId,
          stepId,
          type: 'routed',
          data: { ...data, handle: 'nobody' },
        });
        return result;
      }
      await creditTurns(
        m,
        poolKey,
        cursor,
        pick.userId,
        reason === 'escalation' ? lead.owner_id : null,
        pick.nextCursor,
      );
      await m.query(
        `UPDATE leads SET owner_id = $2, team_id = coalesce($3, team_id), status = CASE WHEN status IN ('new', 'routed') THEN 'assigned' ELSE status END,
           assigned_at = coalesce(assigned_at, now()), updated_at = now() WHERE id = $1`,
        [leadId, pick.userId, config.teamId ?? null],
      );
      await appendLeadEvent(m, {
        leadId,
        stepId,
        type: reason === 'escalation' ? 'reassigned' : 'assigned',
        data: { ...data, previousOwnerId: lead.owner_id },
      });
      return result;
    });
  };

/**
 * Fair shares: the new owner's count goes up; when a lead is taken back on breach the previous
 * owner's share is credited back, so taking a lead away does not also cost them a future turn.
 */
async function creditTurns(
  m: EntityManager,
  poolKey: string,
  cursor: { position: number; counts: Record<string, number> },
  newOwnerId: string,
  previousOwnerId: string | null,
  nextCursor: number | undefined,
): Promise<void> {
  const counts = { ...cursor.counts };
  counts[newOwnerId] = (counts[newOwnerId] ?? 0) + 1;
  if (previousOwnerId && previousOwnerId !== newOwnerId)
    counts[previousOwnerId] = Math.max(0, (counts[previousOwnerId] ?? 0) - 1);
  await m.query(`UPDATE assignment_cursors SET position = $2, counts = $3 WHERE pool_key = $1`, [
    poolKey,
    nextCursor ?? cursor.position,
    JSON.stringify(counts),
  ]);
}
