import { scheduleSchema } from '@baton/flow';
import {
  type EntityManager,
  In,
  ScheduleEntity,
  SettingEntity,
  SourceEntity,
  TeamMemberEntity,
  UserEntity,
} from '@baton/db';
import { AVERAGE_DEAL_VALUE_KEY } from '../../metrics/metrics-settings.service';
import { generateSampleHistory, type SampleRoster } from './sample-history.generator';

/** Set once the sample history was written; kept after removal, so a restart does not bring it back. */
export const SAMPLE_HISTORY_KEY = 'demo.sampleHistory';
const CHUNK = 500;

// Bulk inserts: one statement per chunk, the rows as one JSON parameter (camelCase keys as the
// generator writes them). created_at is the arrival, as if the lead had come in then.
const INSERT_LEADS = `
  INSERT INTO leads (id, source_id, name, email, phone, company, message, context, received_at,
    status, owner_id, team_id, flow_version_id, qualification, first_response_at, assigned_at,
    first_contact_at, acknowledged_at, sla_due_at, sample, created_at, updated_at)
  SELECT r."id", r."sourceId", r."name", r."email", r."phone", r."company", r."message",
    r."context", r."receivedAt", r."status", r."ownerId", r."teamId", r."flowVersionId",
    r."qualification", r."firstResponseAt", r."assignedAt", r."firstContactAt", r."acknowledgedAt",
    r."slaDueAt", true, r."receivedAt", r."receivedAt"
  FROM jsonb_to_recordset($1::jsonb) AS r("id" uuid, "sourceId" uuid, "name" text, "email" text,
    "phone" text, "company" text, "message" text, "context" jsonb, "receivedAt" timestamptz,
    "status" text, "ownerId" uuid, "teamId" uuid, "flowVersionId" uuid, "qualification" jsonb,
    "firstResponseAt" timestamptz, "assignedAt" timestamptz, "firstContactAt" timestamptz,
    "acknowledgedAt" timestamptz, "slaDueAt" timestamptz)`;
const INSERT_EVENTS = `
  INSERT INTO lead_events (lead_id, type, actor_type, actor_id, data, occurred_at)
  SELECT r."leadId", r."type", r."actorType", r."actorId", r."data", r."occurredAt"
  FROM jsonb_to_recordset($1::jsonb) AS r("leadId" uuid, "type" text, "actorType" text,
    "actorId" uuid, "data" jsonb, "occurredAt" timestamptz)
  ORDER BY r."occurredAt"`;
/** A plausible average job value for the demo's service businesses. */
const SAMPLE_AVERAGE_DEAL_VALUE = 1200;

export interface SampleHistoryTargets {
  sourceSlug: string;
  managerEmail: string;
  repEmails: string[];
  now?: Date;
}

/**
 * Writes the demo's sample history once, in bulk, as `sample` leads with their events. It goes
 * straight into the tables: no workflow_starts marker (so no workflow, mail or alert) and no
 * notifications. Answers how many leads it wrote (0 when already done).
 */
export async function seedSampleHistory(
  m: EntityManager,
  targets: SampleHistoryTargets,
): Promise<number> {
  const settings = m.getRepository(SettingEntity);
  if (await settings.existsBy({ key: SAMPLE_HISTORY_KEY })) return 0;
  const roster = await loadRoster(m, targets);
  const { leads, events } = generateSampleHistory(roster, targets.now ?? new Date());
  for (let i = 0; i < leads.length; i += CHUNK) {
    await m.query(INSERT_LEADS, [JSON.stringify(leads.slice(i, i + CHUNK))]);
  }
  for (let i = 0; i < events.length; i += CHUNK) {
    await m.query(INSERT_EVENTS, [JSON.stringify(events.slice(i, i + CHUNK))]);
  }
  // Revenue leak is leads × conversion gap × deal value: without a value it would read 0.
  await m.query(`INSERT INTO settings (key, value) VALUES ($1, $2) ON CONFLICT (key) DO NOTHING`, [
    AVERAGE_DEAL_VALUE_KEY,
    JSON.stringify(SAMPLE_AVERAGE_DEAL_VALUE),
  ]);
  await settings.insert({
    key: SAMPLE_HISTORY_KEY,
    value: { at: new Date().toISOString(), leads: leads.length },
  });
  return leads.length;
}

async function loadRoster(m: EntityManager, targets: SampleHistoryTargets): Promise<SampleRoster> {
  const source = await m.getRepository(SourceEntity).findOneBy({ slug: targets.sourceSlug });
  const people = await m
    .getRepository(UserEntity)
    .findBy({ email: In([targets.managerEmail, ...targets.repEmails]) });
  const manager = people.find((p) => p.email === targets.managerEmail);
  const reps = targets.repEmails
    .map((email) => people.find((p) => p.email === email))
    .filter((p): p is UserEntity => p !== undefined);
  if (!source || !manager || reps.length === 0) {
    throw new Error('The sample history needs the demo source, manager and reps');
  }
  const membership = await m.getRepository(TeamMemberEntity).findOneBy({ userId: reps[0]?.id });
  const flowVersion: { published_version_id: string | null }[] = source.flowId
    ? await m.query(`SELECT published_version_id FROM flows WHERE id = $1`, [source.flowId])
    : [];
  const scheduleId = (await m.getRepository(SettingEntity).findOneBy({ key: 'defaultScheduleId' }))
    ?.value;
  const scheduleRow =
    typeof scheduleId === 'string'
      ? await m.getRepository(ScheduleEntity).findOneBy({ id: scheduleId })
      : null;
  if (!membership || !scheduleRow) {
    throw new Error('The sample history needs the demo team and office hours');
  }
  return {
    sourceId: source.id,
    teamId: membership.teamId,
    flowVersionId: flowVersion[0]?.published_version_id ?? null,
    manager: { id: manager.id, name: manager.name },
    reps: reps.map((r) => ({ id: r.id, name: r.name })),
    schedule: scheduleSchema.parse({
      timeZone: scheduleRow.timeZone,
      weekly: scheduleRow.weekly,
      holidays: scheduleRow.holidays,
    }),
  };
}
